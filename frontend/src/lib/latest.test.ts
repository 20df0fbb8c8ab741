import { describe, expect, it } from 'vitest';
import { Latest } from './latest.svelte';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('Latest', () => {
  it('keeps the newest answer when an older one arrives last', async () => {
    const l = new Latest<string>();
    const role1 = deferred<string>();
    const role2 = deferred<string>();
    const first = l.load(() => role1.promise);
    const second = l.load(() => role2.promise);
    role2.resolve('role 2');
    await second;
    role1.resolve('role 1');
    await first;
    expect(l.value).toBe('role 2');
    expect(l.error).toBe('');
  });

  it('drops an older failure and clears the error on a new load', async () => {
    const l = new Latest<string>();
    await l.load(() => Promise.reject(new Error('Role 3 not found')));
    expect(l.error).toBe('Role 3 not found');
    const stale = deferred<string>();
    const old = l.load(() => stale.promise);
    await l.load(() => Promise.resolve('fresh'));
    stale.reject(new Error('late failure'));
    await old;
    expect(l.value).toBe('fresh');
    expect(l.error).toBe('');
  });
});
