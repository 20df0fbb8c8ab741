/**
 * The newest answer wins: a view that reloads when its role or the workspace
 * changes may have two requests in flight, and the older one must not land
 * after the newer one. `value` and `error` are reactive.
 */
export class Latest<T> {
  value = $state<T | null>(null);
  error = $state('');
  #seq = 0;

  async load(fetch: () => Promise<T>): Promise<void> {
    const mine = ++this.#seq;
    this.error = '';
    try {
      const v = await fetch();
      if (mine === this.#seq) this.value = v;
    } catch (e) {
      if (mine === this.#seq) this.error = e instanceof Error ? e.message : String(e);
    }
  }
}
