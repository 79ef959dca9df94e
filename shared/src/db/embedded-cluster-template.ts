// A freshly initialised PostgreSQL cluster, as the tarball an embedded database starts from.
// PGlite's own initdb (a WebAssembly module of its own) takes about 5.8 s on a 2-core
// machine; unpacking the same cluster from this tarball takes about 1 s. Every new embedded
// database would pay initdb: the first `npm start`, a start after the data directory was
// deleted, and every test database. So the cluster is initialised once per PGlite version
// and kept, gzipped (about 4 MB), under node_modules/.cache/marquee beside the project's
// other build caches.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { PGlite } from "@electric-sql/pglite";

const gzip = "application/x-gzip";

/** Where the template of the installed PGlite version is kept. */
export function clusterTemplateFile(): string {
  // @electric-sql/pglite does not export its package.json: find it beside its entry point.
  const entryPoint = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const packageDir = dirname(dirname(entryPoint));
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  const nodeModules = packageDir.slice(0, packageDir.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules`.length);
  return join(nodeModules, ".cache", "marquee", `pglite-${version}-cluster.tar.gz`);
}

let template: Promise<Blob> | undefined;

/**
 * The template cluster, made and kept on first use. Made by one process, read by every
 * other: it is written under a name of its own and renamed into place, so that no reader
 * ever sees half of it. Where it cannot be kept (a read-only node_modules), this process
 * still makes it once and reuses it.
 */
export function clusterTemplate(): Promise<Blob> {
  if (!template) {
    template = readOrMakeTemplate();
    // A failure must not stay cached: the next database tries again.
    template.catch(() => (template = undefined));
  }
  return template;
}

async function readOrMakeTemplate(): Promise<Blob> {
  const file = clusterTemplateFile();
  if (existsSync(file)) return new Blob([await readFile(file)], { type: gzip });
  const initialised = await PGlite.create();
  let dump: Blob;
  try {
    dump = await initialised.dumpDataDir("gzip");
  } finally {
    await initialised.close();
  }
  const partial = `${file}.${process.pid}.partial`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, file);
  } catch {
    // Not kept (a read-only install): this process keeps it in memory instead.
    await rm(partial, { force: true });
  }
  return dump;
}
