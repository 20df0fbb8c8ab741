import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Lists the npm packages whose code ends up in the built bundle (Svelte's
 * runtime, Chart.js, ...), so `make dist` can ship their licence texts
 * (build/scripts/notices.sh). Written to node_modules/, which git ignores.
 */
export function bundledPackages(): Plugin {
  return {
    name: 'hirebench-bundled-packages',
    apply: 'build',
    generateBundle() {
      const roots = new Set<string>();
      for (const id of this.getModuleIds()) {
        const m = /^(.*[/\\]node_modules[/\\](?:@[^/\\]+[/\\])?[^/\\]+)[/\\]/.exec(id.replace(/^\0/, ''));
        if (m && this.getModuleInfo(id)?.code != null) roots.add(m[1]);
      }
      writeFileSync(join(__dirname, 'node_modules', '.hirebench-bundled.json'), JSON.stringify([...roots].sort(), null, 1));
    },
  };
}
