import { parseArgs } from 'node:util';
import { ManifestError, buildAppPackage } from './app-package.ts';

/** npm run package [-- --env dev]: validate the manifest offline and zip the Teams app package. */
const { values } = parseArgs({ options: { env: { type: 'string', default: 'dev' } } });
try {
  const { zipPath } = await buildAppPackage(process.cwd(), values.env!);
  process.stdout.write(`Teams app package written: ${zipPath}\n`);
} catch (err) {
  if (err instanceof ManifestError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
