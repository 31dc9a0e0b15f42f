import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time of a file or of any file below a folder (0 when absent). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

/**
 * `npm start` builds the web app (`npm run build --workspace web`) when web/dist is missing or older than any
 * file in web/src or web/index.html, so a newcomer's first start serves the app without a second command.
 */
export function buildWebAppIfStale(root: string): void {
  const web = join(root, 'web');
  if (!existsSync(join(web, 'package.json'))) return;
  const built = existsSync(join(web, 'dist', 'index.html')) ? newestMtime(join(web, 'dist')) : 0;
  const sources = Math.max(newestMtime(join(web, 'src')), newestMtime(join(web, 'index.html')));
  if (built > 0 && built >= sources) return;
  console.log(
    built === 0 ? 'Web app: building it (web/dist is missing)' : 'Web app: sources changed, rebuilding',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build', '--workspace', 'web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('The web app did not build; see above');
}
