// The deployment files (Dockerfile, .dockerignore, deploy/compose.yaml, deploy/kubernetes/)
// agree with the code they deploy. The truth is taken from the code at test time: the
// modules from supergraph.yaml, the entry points and the files they read at run time from
// the build's tsconfig files and sources, the variables from the sources that read them and
// from the kit's configuration loaders as they run, the routes from the kit and the gateway.
// No Docker engine or cluster is needed: the files are parsed, the entry script is run
// against stand-ins for the built entry points, and the role provisioning script against
// environments it must refuse before it connects anywhere.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  ConfigError,
  dataOwners as provisionedOwners,
  defaultMetricsPort,
  InvalidDatabaseUrlError,
  loadPlatformConfig,
  loadShutdownTimings,
  metricsPath,
  ownerRoleOf,
  resolveDatabaseTarget,
  resolveMigrationTarget,
  routePathOf,
  servingRoleOf,
  type DataOwner,
} from "@marquee/kit";
import { imageEnvironment, imageNodeOptions } from "@marquee/kit/testing";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { readSupergraphConfig } from "../gateway/src/compose-supergraph.ts";
import { repositoryRoot, supergraphConfigFile } from "../gateway/src/paths.ts";

type Env = Record<string, string>;
const root = repositoryRoot;
const read = (file: string) => readFileSync(join(root, file), "utf8");
const entryScript = "deploy/start-process.mjs";

// ---- What the code says ------------------------------------------------------------------

/** The modules, each with its package folder (where its schema lives). */
const modules = readSupergraphConfig(supergraphConfigFile).map((subgraph) => ({ name: subgraph.name, packageDir: relative(root, dirname(subgraph.schemaFile)) }));
const moduleNames = modules.map((module) => module.name);
const dataOwners = readdirSync(join(root, "prisma")).filter((owner) => existsSync(join(root, "prisma", owner, "schema.prisma"))) as DataOwner[];

/** The data owner whose schema each module's process serves and migrates: its package's `data.schema`, as runSubgraph reads it. */
const ownerOfModule = new Map<string, DataOwner>(
  await Promise.all(
    modules.map(async (module): Promise<[string, DataOwner]> => {
      const exported = Object.values(await import(pathToFileURL(join(root, module.packageDir, "src", "index.ts")).href)) as { name?: string; data?: { schema?: string } }[];
      const subgraphPackage = exported.find((value) => value?.name === module.name && typeof value.data?.schema === "string");
      if (!subgraphPackage) throw new Error(`${module.packageDir}/src/index.ts exports no subgraph package named ${module.name}`);
      return [module.name, subgraphPackage.data!.schema as DataOwner];
    }),
  ),
);

/**
 * The one-off task the entry script starts besides the processes: the role provisioning
 * script, which creates for every data owner the roles servingRoleOf and ownerRoleOf name,
 * each with the password of `<ROLE>_PASSWORD`.
 */
const provisioning = { name: "provision-database-roles", script: "scripts/provision-database-roles.mjs" };
const provisionedRoles = provisionedOwners.flatMap((owner) => [servingRoleOf(owner), ownerRoleOf(owner)]);
const passwordVariables = provisionedRoles.map((role) => `${role.toUpperCase()}_PASSWORD`);
/** The variables the provisioning script reads by name: the administrator's URL. */
const provisioningUrlVariables = [...read(provisioning.script).matchAll(/\benv\[\s*"([A-Z][A-Z0-9_]*)"\s*\]/g)].map(([, name]) => name!);

/** Runs the provisioning script from its sources, as `node` would run it from the build, with only this environment. */
function runProvisioning(env: Env) {
  return spawnSync(process.execPath, ["--import", "tsx", "--conditions=marquee:source", join(root, provisioning.script)], {
    cwd: root,
    env: { PATH: process.env["PATH"], ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

interface BuiltPackage {
  dir: string;
  outDir: string;
  /** Each compiled source file (repository-relative) with the file the build makes of it. */
  files: { source: string; built: string }[];
}

function parseTsconfig(file: string): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(file, {}, host);
  if (!parsed) throw new Error(`${file} cannot be read`);
  return parsed;
}

/** Every package `npm run build` compiles, as tsconfig.build.json's references say. */
const builtPackages: BuiltPackage[] = (parseTsconfig(join(root, "tsconfig.build.json")).projectReferences ?? []).map((reference) => {
  const config = parseTsconfig(ts.resolveProjectReferencePath(reference));
  const { rootDir, outDir } = config.options;
  if (!rootDir || !outDir) throw new Error(`${reference.path}: a package build needs rootDir and outDir`);
  return {
    dir: relative(root, dirname(ts.resolveProjectReferencePath(reference))),
    outDir: relative(root, outDir),
    files: config.fileNames.map((file) => ({ source: relative(root, file), built: relative(root, join(outDir, relative(rootDir, file))).replace(/\.ts$/, ".js") })),
  };
});

/** The process each built `main.ts` is: its module, or its package's folder name (the gateway). */
const processes = builtPackages.flatMap((pkg) =>
  pkg.files
    .filter((file) => file.source === join(pkg.dir, "src", "main.ts"))
    .map((file) => ({ name: modules.find((module) => module.packageDir === pkg.dir)?.name ?? basename(pkg.dir), entryPoint: file.built })),
);
const processNames = processes.map((entry) => entry.name);

/** The files a process reads beside its code, found as `new URL("…", import.meta.url)` in the built code and the entry script. */
function runtimeFilesRead(): string[] {
  const sources = [...builtPackages.flatMap((pkg) => pkg.files), { source: entryScript, built: entryScript }];
  return sources.flatMap(({ source, built }) =>
    [...read(source).matchAll(/new URL\(\s*"([^"]+)"\s*,\s*import\.meta\.url\s*\)/g)]
      .map(([, path]) => relative(root, new URL(path!, pathToFileURL(join(root, built))).pathname))
      .filter((path) => path !== ""),
  );
}

/** The root package and every workspace, by their package.json. */
const workspaceDirs = (JSON.parse(read("package.json")) as { workspaces: string[] }).workspaces.flatMap((pattern) =>
  pattern.endsWith("/*")
    ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(pattern.slice(0, -2), entry.name))
    : [pattern],
);
const manifests = ["package.json", "package-lock.json", ...workspaceDirs.map((dir) => join(dir, "package.json"))];

/** Variable names the run-time sources read literally, or as `<NAME>_SUFFIX` of a module or data owner. */
function variablesInSources(): Set<string> {
  const text = [...builtPackages.flatMap((pkg) => pkg.files.map((file) => read(file.source))), read(entryScript)].join("\n");
  const literal = [...text.matchAll(/\benv\[\s*"([A-Z][A-Z0-9_]*)"\s*\]|\(\s*env\s*,\s*"([A-Z][A-Z0-9_]*)"/g)].map(([, indexed, argument]) => (indexed ?? argument)!);
  const suffixes = [...text.matchAll(/`\$\{\s*[\w.]+\.toUpperCase\(\)\s*\}(_[A-Z0-9_]+)`/g)].map(([, suffix]) => suffix!);
  const prefixed = [...moduleNames, ...dataOwners].flatMap((name) => suffixes.map((suffix) => `${name.toUpperCase()}${suffix}`));
  return new Set([...literal, ...prefixed]);
}

/** The same env, noting every name looked up in it. */
function recording(env: Env, names: Set<string>): Env {
  return new Proxy(env, {
    get(target, key) {
      if (typeof key === "string") names.add(key);
      return target[key as string];
    },
  });
}

/** The variables a data owner's database may be named by, in the order the kit looks them up. */
const databaseVariables = new Map<DataOwner, string[]>();
/** The variables a data owner's migrations may be pointed elsewhere by (else they run on its database). */
const migrationVariables = new Map<DataOwner, string[]>();

/** The variables the kit's configuration, shutdown timings and database targets ask for, recorded as they read them. */
async function variablesOfConfiguration(env: Env): Promise<Set<string>> {
  const names = new Set<string>();
  loadPlatformConfig(recording(env, names));
  loadShutdownTimings(recording(env, names));
  for (const owner of dataOwners) {
    const lookedUp = new Set<string>();
    const target = await resolveDatabaseTarget(owner, recording(env, lookedUp));
    databaseVariables.set(owner, [...lookedUp]);
    const migrationLookedUp = new Set<string>();
    resolveMigrationTarget(owner, target, recording(env, migrationLookedUp));
    migrationVariables.set(owner, [...migrationLookedUp]);
    [...lookedUp, ...migrationLookedUp].forEach((name) => names.add(name));
  }
  return names;
}

/** The non-GraphQL routes the kit's subgraphs and the gateway answer. */
const probeRoutes = new Set(
  [...builtPackages.flatMap((pkg) => pkg.files.map((file) => read(file.source))).join("\n").matchAll(/url\.pathname === "(\/[a-z]+)"/g)].map(([, path]) => path!),
);
const readinessPath = "/ready";
const livenessPath = "/health";

/** Values an operator would set; each secret here is invented for the test, every role's password a different one. */
const operatorValues: Env = {
  POSTGRES_PASSWORD: "s3cretpassword",
  GATEWAY_SECRET: "an-invented-gateway-secret-of-48-characters-long",
  DATABASE_URL: "postgresql://marquee:s3cretpassword@database:5432/marquee",
  DATABASE_ADMIN_URL: "postgresql://postgres:s3cretpassword@database:5432/marquee",
  REDIS_URL: "redis://redis:6379",
  AUTH_JWKS_URL: "https://identity.example/.well-known/jwks.json",
  AUTH_ISSUER: "https://identity.example/",
  AUTH_AUDIENCE: "marquee",
  ...Object.fromEntries(passwordVariables.map((variable, index) => [variable, `invented${String(index).padStart(2, "0")}password0123456789`])),
};
/** What an operator fills a Secret's URL placeholder (`CHANGE-ME: postgresql://<role>:<password>@<host>…`) with. */
const placeholderParts: Env = { password: "s3cretpassword", host: "database", administrator: "postgres" };

// ---- Dockerfile ----------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name: string;
  image: string;
  instructions: Instruction[];
}

function readDockerfile(text: string): Stage[] {
  const lines = text.split("\n").filter((line) => !/^\s*#/.test(line));
  const joined = lines.join("\n").replace(/\\\n/g, " ");
  const instructions = joined.split("\n").filter((line) => line.trim() !== "").map((line) => {
    const [, keyword, args] = /^\s*(\S+)\s*(.*)$/.exec(line)!;
    return { keyword: keyword!.toUpperCase(), args: args!.trim() };
  });
  const args: Env = {};
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === "FROM") {
      const [image, as, name] = instruction.args.split(/\s+/);
      const resolved = image!.replace(/\$\{(\w+)\}/g, (_, arg: string) => args[arg] ?? "");
      stages.push({ name: as?.toUpperCase() === "AS" ? name! : String(stages.length), image: resolved, instructions: [] });
    } else if (stages.length === 0 && instruction.keyword === "ARG") {
      const [name, value] = instruction.args.split("=");
      args[name!] = value ?? "";
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

const dockerStages = readDockerfile(read("Dockerfile"));
const runtimeStage = dockerStages.at(-1)!;
const of = (stage: Stage, keyword: string) => stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

/** The runtime stage's ENV, the environment every process starts with. */
const imageEnv: Env = Object.fromEntries(
  of(runtimeStage, "ENV").flatMap((args) => (args.includes("=") ? args.split(/\s+/).map((pair) => pair.split("=") as [string, string]) : [args.split(/\s+/, 2) as [string, string]])),
);
const imageUser = of(runtimeStage, "USER").at(-1) ?? "root";

/** The commands of a RUN, split at `&&`, each as its words. */
const commandsOf = (run: string) => run.replace(/^(?:--\S+\s+)+/, "").split("&&").map((command) => command.trim().split(/\s+/));

// ---- Compose -------------------------------------------------------------------------------

class MissingVariable extends Error {
  constructor(readonly variable: string) {
    super(`${variable} is required`);
  }
}

/** Compose's interpolation: $$, $NAME, ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}. */
function interpolate(text: string, variables: Env): string {
  return text.replace(/\$\$|\$\{(\w+)(?:(:?)([-?])([^}]*))?\}|\$(\w+)/g, (match, name?: string, colon?: string, operator?: string, argument?: string, bare?: string) => {
    if (match === "$$") return "$";
    const variable = (name ?? bare)!;
    const value = variables[variable];
    const unset = colon ? !value : value === undefined;
    if (!unset) return value!;
    if (operator === "?") throw new MissingVariable(variable);
    return operator === "-" ? argument! : "";
  });
}

function interpolateAll(value: unknown, variables: Env): unknown {
  if (typeof value === "string") return interpolate(value, variables);
  if (Array.isArray(value)) return value.map((item) => interpolateAll(item, variables));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateAll(item, variables)]));
  return value;
}

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string };
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  ports?: string[];
  stop_grace_period?: string;
}

const composeFile = "deploy/compose.yaml";
const composeRaw = parseYaml(read(composeFile), { merge: true }) as { services: Record<string, ComposeService> };
const compose = interpolateAll(composeRaw, operatorValues) as typeof composeRaw;
/** The services built from the repository's Dockerfile: Marquee's own processes. */
const marqueeServices = Object.entries(compose.services).filter(
  ([, service]) => service.build !== undefined && resolve(root, dirname(composeFile), service.build.context) === resolve(root) && (service.build.dockerfile ?? "Dockerfile") === "Dockerfile",
);
const composeEnv = (service: ComposeService): Env => Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value)]));
/** The services running a Marquee process (a subgraph or a gateway), and those running the provisioning task. */
const processServices = marqueeServices.filter(([, service]) => composeEnv(service)["MARQUEE_PROCESS"] !== provisioning.name);
const provisioningServices = marqueeServices.filter(([, service]) => composeEnv(service)["MARQUEE_PROCESS"] === provisioning.name);

// ---- Kubernetes ------------------------------------------------------------------------------

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Env };
  spec?: any;
  data?: Env;
  stringData?: Env;
}

const kubernetesDir = "deploy/kubernetes";
const kubernetesFiles = readdirSync(join(root, kubernetesDir)).filter((file) => file.endsWith(".yaml")).map((file) => join(kubernetesDir, file));
/** The file each object is in (repository-relative). */
const fileOf = new Map<K8sObject, string>();
const kubernetesObjects: K8sObject[] = kubernetesFiles
  .flatMap((file) =>
    parseAllDocuments(read(file)).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join("; ")}`);
      const object = document.toJS() as K8sObject | null;
      if (object) fileOf.set(object, file);
      return object;
    }),
  )
  .filter((object): object is K8sObject => object !== null);
const objectsOfKind = (kind: string) => kubernetesObjects.filter((object) => object.kind === kind);
const deployments = objectsOfKind("Deployment");
const jobs = objectsOfKind("Job");

/** The one container of a Deployment's or a Job's pods. */
function containerOf(deployment: K8sObject): any {
  const containers = deployment.spec.template.spec.containers as any[];
  expect(containers, `${deployment.metadata.name}: one container`).toHaveLength(1);
  return containers[0];
}

/** A container's environment as the process sees it: the image's ENV, then envFrom, then env. */
function kubernetesEnv(deployment: K8sObject): Env {
  const container = containerOf(deployment);
  const fromConfigMaps = (container.envFrom ?? []).map((source: any) => {
    const configMap = objectsOfKind("ConfigMap").find((object) => object.metadata.name === source.configMapRef?.name);
    if (!configMap) throw new Error(`${deployment.metadata.name}: envFrom names no ConfigMap of these manifests`);
    return configMap.data ?? {};
  });
  const entries = (container.env ?? []).flatMap((entry: any): [string, string][] => {
    if (entry.value !== undefined) return [[entry.name, String(entry.value)]];
    const secretRef = entry.valueFrom?.secretKeyRef;
    const configMapRef = entry.valueFrom?.configMapKeyRef;
    const source = secretRef ? objectsOfKind("Secret").find((object) => object.metadata.name === secretRef.name)?.stringData : objectsOfKind("ConfigMap").find((object) => object.metadata.name === configMapRef?.name)?.data;
    const key = (secretRef ?? configMapRef)?.key;
    if (source?.[key] === undefined) {
      if ((secretRef ?? configMapRef)?.optional) return [];
      throw new Error(`${deployment.metadata.name}: ${entry.name} refers to no key of these manifests`);
    }
    return [[entry.name, source[key]]];
  });
  return { ...imageEnv, ...Object.assign({}, ...fromConfigMaps), ...Object.fromEntries(entries) };
}

const placeholder = /^CHANGE-ME/;
/** A placeholder that shows the value's shape, `CHANGE-ME: postgresql://marquee_finance:<password>@<host>:5432/marquee`, filled in as the operator would. */
const filledShape = (value: string) => /^CHANGE-ME:\s*(\S+:\/\/\S+)$/.exec(value)?.[1]?.replace(/<(\w+)>/g, (part, name: string) => placeholderParts[name] ?? part);
const withOperatorValues = (env: Env): Env =>
  Object.fromEntries(Object.entries(env).map(([key, value]) => [key, placeholder.test(value) ? (filledShape(value) ?? operatorValues[key] ?? value) : value]));

const selects = (selector: Env, labels: Env) => Object.entries(selector).every(([key, value]) => labels[key] === value);
const podLabels = (deployment: K8sObject): Env => deployment.spec.template.metadata.labels;
const serviceOf = (deployment: K8sObject) => objectsOfKind("Service").filter((service) => selects(service.spec.selector, podLabels(deployment)));

/** A probe's or Service's port, by number or by the container port's name. */
function containerPortNumber(container: any, port: number | string): number | undefined {
  return typeof port === "number" ? port : (container.ports as any[]).find((candidate) => candidate.name === port)?.containerPort;
}

// ---- Shared checks -----------------------------------------------------------------------------

/** Read below the code, by the C library's allocator (the image sets it). */
const runtimeVariables = ["MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"];
const variablesRead = new Set([...variablesInSources(), ...(await variablesOfConfiguration({ ...imageEnv, ...operatorValues })), ...runtimeVariables]);

/**
 * The values that grant access, never to be committed: the subgraphs' shared secret, every
 * variable a database URL may be given in (each carries a role's password), the
 * administrator's URL and the roles' passwords.
 */
const secretVariables = [
  ...new Set(["GATEWAY_SECRET", ...dataOwners.flatMap((owner) => [...databaseVariables.get(owner)!, ...migrationVariables.get(owner)!]), ...provisioningUrlVariables, ...passwordVariables]),
];

/** The data owners a subgraph process connects for (runSubgraph): its module's, and the access directory's unless it asks an Auth service instead. */
function ownersOf(processName: string, env: Env): DataOwner[] {
  const owner = ownerOfModule.get(processName)!;
  return loadPlatformConfig(env).access.authAccessUrl ? [owner] : [owner, "access"];
}

/** A production process with this environment gets past its configuration (and, for a subgraph, finds a PostgreSQL server for every owner it connects for). */
async function expectStartable(processName: string, env: Env) {
  expect(() => loadPlatformConfig(env)).not.toThrow();
  if (processName === "gateway") return;
  for (const owner of ownersOf(processName, env)) {
    // Without any of its variables the kit would open an embedded database, which production refuses.
    expect(databaseVariables.get(owner)!.filter((name) => env[name]?.trim()), `${processName}: ${owner}'s database`).not.toEqual([]);
    expect((await resolveDatabaseTarget(owner, env)).kind, `${processName}: ${owner}'s database`).toBe("postgres");
  }
}

const usernameOf = (url: string) => decodeURIComponent(new URL(url).username);

/**
 * Least privilege: a subgraph serves each owner it connects for as that owner's serving role
 * and migrates it as its owner role (the names servingRoleOf and ownerRoleOf give), and no
 * variable it is given would connect it for any other owner, not even the fallback every
 * owner shares (DATABASE_URL). Returns each role with the URL it is reached by.
 */
async function expectOwnRolesOnly(processName: string, env: Env): Promise<{ role: string; url: URL }[]> {
  const owners = ownersOf(processName, env);
  const roles: { role: string; url: URL }[] = [];
  for (const owner of owners) {
    const serving = await resolveDatabaseTarget(owner, env);
    if (serving.kind !== "postgres") throw new Error(`${processName}: ${owner}'s database is not a PostgreSQL URL`);
    expect(usernameOf(serving.url), `${processName}: the role ${owner} is served as`).toBe(servingRoleOf(owner));
    const migration = resolveMigrationTarget(owner, serving, env);
    if (migration.kind !== "postgres") throw new Error(`${processName}: ${owner}'s migrations are not on a PostgreSQL URL`);
    expect(migration, `${processName}: ${owner}'s migrations have a URL of their own`).not.toBe(serving);
    expect(usernameOf(migration.url), `${processName}: the role ${owner} is migrated as`).toBe(ownerRoleOf(owner));
    roles.push({ role: servingRoleOf(owner), url: new URL(serving.url) }, { role: ownerRoleOf(owner), url: new URL(migration.url) });
  }
  const foreign = new Set(dataOwners.filter((owner) => !owners.includes(owner)).flatMap((owner) => [...databaseVariables.get(owner)!, ...migrationVariables.get(owner)!]));
  expect(Object.keys(env).filter((name) => foreign.has(name) && env[name]?.trim()), `${processName}: variables that would connect it for another owner`).toEqual([]);
  expect(Object.keys(env).filter((name) => [...provisioningUrlVariables, ...passwordVariables].includes(name)), `${processName}: the administrator's URL or a role's password`).toEqual([]);
  return roles;
}

/** Every `<MODULE>_URL` / `<MODULE>_ROUTING_URL` names that module's route on the host and port `locate` gives. */
function expectModuleUrls(env: Env, locate: (module: string) => { hosts: string[]; port: number }) {
  for (const [name, value] of Object.entries(env)) {
    const module = /^([A-Z]+)_(?:ROUTING_)?URL$/.exec(name)?.[1]?.toLowerCase();
    if (!module || !moduleNames.includes(module)) continue;
    const url = new URL(value);
    const target = locate(module);
    expect(target.hosts, `${name}'s host`).toContain(url.hostname);
    expect(Number(url.port), `${name}'s port`).toBe(target.port);
    expect(url.pathname, `${name}'s path`).toBe(routePathOf(module));
  }
}

/**
 * The port a process with this environment serves GET /metrics on, as the kit reads it
 * (METRICS_PORT, else its default; undefined when turned off), and checks that it is apart
 * from the GraphQL port.
 */
function metricsPortOf(name: string, env: Env): number {
  const metricsPort = loadPlatformConfig(env).observability.metricsPort;
  expect(metricsPort, `${name}: metrics are served`).toBeDefined();
  if (env["METRICS_PORT"] === undefined) expect(metricsPort, `${name}: the code's default metrics port`).toBe(defaultMetricsPort);
  expect(metricsPort, `${name}: the metrics port is apart from PORT`).not.toBe(Number(env["PORT"]));
  return metricsPort!;
}

const routingVariables = moduleNames.map((module) => `${module.toUpperCase()}_ROUTING_URL`);

/** How long a process with this environment may take to stop after SIGTERM: its drain's announcement and timeout. */
function drainMs(env: Env): number {
  const { announceMs, timeoutMs } = loadShutdownTimings(env);
  return announceMs + timeoutMs;
}

// ---- Tests -----------------------------------------------------------------------------------

describe("what the code says (the premises of the checks below)", () => {
  it("builds one entry point per module of supergraph.yaml and one for the gateway", () => {
    expect(processNames.toSorted()).toEqual([...moduleNames, "gateway"].toSorted());
  });

  it("answers the readiness and liveness routes the files probe", () => {
    expect([...probeRoutes]).toEqual(expect.arrayContaining([readinessPath, livenessPath]));
  });

  it("finds the variables the processes read, among them those every deployment sets", () => {
    const roleVariables = dataOwners.flatMap((owner) => [...databaseVariables.get(owner)!, ...migrationVariables.get(owner)!]);
    expect([...variablesRead]).toEqual(expect.arrayContaining(["PORT", "GATEWAY_SECRET", "BASE_URL", "MARQUEE_PROCESS", ...routingVariables, ...roleVariables]));
    // Each owner's serving and migration URL has a variable of its own besides the fallback all share.
    for (const owner of dataOwners) expect(new Set([...databaseVariables.get(owner)!, ...migrationVariables.get(owner)!]).size, owner).toBeGreaterThanOrEqual(3);
  });

  it("serves metrics on a port of their own, by default and apart from PORT, at the metrics server's path", () => {
    const env = { ...imageEnv, ...operatorValues, PORT: String(defaultMetricsPort + 1) };
    expect(loadPlatformConfig(env).observability.metricsPort).toBe(defaultMetricsPort);
    expect(() => loadPlatformConfig({ ...env, METRICS_PORT: env["PORT"]! })).toThrow(ConfigError);
    expect(metricsPath).toMatch(/^\/[a-z]+$/);
    expect([...variablesRead]).toEqual(expect.arrayContaining(["METRICS_PORT", "OTEL_EXPORTER_OTLP_ENDPOINT"]));
  });

  it("gives each module a data owner of its own, and provisions roles for every data owner", () => {
    const owners = moduleNames.map((module) => ownerOfModule.get(module));
    expect(dataOwners).toEqual(expect.arrayContaining(owners));
    expect(new Set(owners).size).toBe(moduleNames.length);
    expect(dataOwners).toContain("access");
    expect([...provisionedOwners].toSorted()).toEqual(dataOwners.toSorted());
  });

  it("has the provisioning script take the administrator's URL from a variable and ask for a password for every role, by name", () => {
    expect(provisioningUrlVariables).toHaveLength(1);
    const result = runProvisioning({ [provisioningUrlVariables[0]!]: operatorValues["DATABASE_ADMIN_URL"]! });
    expect(result.status, result.stderr).toBe(2);
    const asked = /Missing passwords: ([A-Z0-9_]+(?:, [A-Z0-9_]+)*)/.exec(result.stderr)?.[1]?.split(", ");
    expect(asked?.toSorted()).toEqual(passwordVariables.toSorted());
  });
});

describe("the entry script", () => {
  const sandbox = mkdtempSync(join(tmpdir(), "marquee-entry-"));
  afterAll(() => rmSync(sandbox, { recursive: true, force: true }));
  // The script beside the repository's supergraph.yaml and dependencies, with a stand-in for
  // each built main.js (where the build's tsconfig puts it) that only says which it is.
  mkdirSync(join(sandbox, "deploy"));
  copyFileSync(join(root, entryScript), join(sandbox, entryScript));
  copyFileSync(supergraphConfigFile, join(sandbox, relative(root, supergraphConfigFile)));
  symlinkSync(join(root, "node_modules"), join(sandbox, "node_modules"), "dir");
  for (const entryPoint of [...processes.map((entry) => entry.entryPoint), provisioning.script]) {
    mkdirSync(join(sandbox, dirname(entryPoint)), { recursive: true });
    writeFileSync(join(sandbox, entryPoint), `process.stdout.write(${JSON.stringify(entryPoint)});\n`);
  }
  const start = (name: string) => spawnSync(process.execPath, [join(sandbox, entryScript)], { env: { PATH: process.env["PATH"], MARQUEE_PROCESS: name }, encoding: "utf8" });

  it.each(processes.map((entry) => [entry.name, entry.entryPoint]))("starts %s from %s", (name, entryPoint) => {
    const result = start(name);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(entryPoint);
    expect(result.status).toBe(0);
  });

  it(`starts the task ${provisioning.name} from ${provisioning.script}`, () => {
    const result = start(provisioning.name);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(provisioning.script);
    expect(result.status).toBe(0);
  });

  it.each(["", "Gateway", "../gateway", "constructor", "shared", "provision", "scripts/provision-database-roles.mjs"])("refuses %j", (name) => {
    const result = start(name);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("MARQUEE_PROCESS");
    expect(result.status).not.toBe(0);
  });
});

describe("Dockerfile", () => {
  const buildStage = dockerStages.find((stage) => stage.name !== runtimeStage.name && of(stage, "RUN").some((run) => run.includes("npm run build")));

  it("builds in one stage and runs from another", () => {
    expect(buildStage).toBeDefined();
    expect(of(runtimeStage, "RUN").some((run) => run.includes("npm run build"))).toBe(false);
  });

  it("uses a Node.js that package.json's engines allows", () => {
    const minimum = Number(/>=\s*(\d+)/.exec((JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node)![1]);
    for (const stage of dockerStages) expect(Number(/^node:(\d+)/.exec(stage.image)?.[1]), stage.image).toBeGreaterThanOrEqual(minimum);
  });

  it("runs the runtime stage as an unprivileged numeric user, so that Kubernetes can verify it", () => {
    const [uid] = imageUser.split(":");
    expect(uid).toMatch(/^\d+$/);
    expect(uid).not.toBe("0");
  });

  it("sets NODE_ENV=production and fixes glibc's malloc arenas and thresholds in the runtime stage, as the benchmark and the topology test start their processes", () => {
    expect(imageEnv).toEqual(imageEnvironment);
  });

  it("installs no development dependencies at run time, and runs no install script anywhere (none may download)", () => {
    const installs = dockerStages.flatMap((stage) => of(stage, "RUN").flatMap(commandsOf).filter((words) => words[0] === "npm" && ["ci", "install", "i"].includes(words[1]!)).map((words) => ({ stage, words })));
    expect(installs.filter(({ stage }) => stage === runtimeStage)).not.toEqual([]);
    for (const { stage, words } of installs) {
      expect(words, words.join(" ")).toContain("--ignore-scripts");
      if (stage === runtimeStage) expect(words, words.join(" ")).toContain("--omit=dev");
    }
  });

  it("starts the entry script with the Node.js options the benchmark and the topology test start their processes with", () => {
    const command = JSON.parse(of(runtimeStage, "CMD").at(-1) ?? of(runtimeStage, "ENTRYPOINT").at(-1) ?? "[]") as string[];
    expect(command).toEqual(["node", ...imageNodeOptions, entryScript]);
  });

  it("gives only options this Node.js knows (an unknown one stops a process at its start), and its young generation stays within the semi-spaces given", () => {
    // The young generation is two semi-spaces: its capacity is what --max-semi-space-size allows.
    const run = spawnSync(process.execPath, [...imageNodeOptions, "-e", "const v8 = require('node:v8'); let keep = []; for (let i = 0; i < 2e6; i++) keep.push({ i }); keep = null; process.stdout.write(String(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size))"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const newSpace = Number(run.stdout);
    const semiSpaceMb = Number(/--max-semi-space-size=(\d+)/.exec(imageNodeOptions.join(" "))![1]);
    expect(newSpace).toBeGreaterThan(0);
    expect(newSpace).toBeLessThanOrEqual(2 * semiSpaceMb * 1024 * 1024);
  });

  it("puts every file the processes read at run time in the runtime stage, at its repository path", () => {
    // The build stage gathers them with `cp --parents <paths…> <staging dir>`; the runtime
    // stage copies the staging dir into its working directory.
    const copies = of(buildStage!, "RUN").flatMap(commandsOf).filter((words) => words[0] === "cp" && words.includes("--parents"));
    const stagingDirs = new Set(copies.map((words) => words.at(-1)!));
    expect(stagingDirs.size).toBe(1);
    const [stagingDir] = stagingDirs;
    const operands = copies.flatMap((words) => words.slice(1, -1).filter((word) => !word.startsWith("-")));
    const copiedToRuntime = of(runtimeStage, "COPY").map((args) => args.split(/\s+/));
    expect(copiedToRuntime).toContainEqual([`--from=${buildStage!.name}`, stagingDir, "./"]);

    const patterns = operands.map((operand) => new RegExp(`^${operand.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}(/|$)`));
    const needed = [...manifests, ...builtPackages.map((pkg) => pkg.outDir), ...processes.map((entry) => entry.entryPoint), ...runtimeFilesRead(), entryScript, provisioning.script];
    expect(needed.filter((path) => !patterns.some((pattern) => pattern.test(path)))).toEqual([]);

    // The provisioning script runs as it is, beside the build: each package it imports is a
    // workspace whose default export (its build) is copied too, or a production dependency.
    const imported = [...read(provisioning.script).matchAll(/^import\s[^"]*"([^".][^"]*)"/gm)].map(([, specifier]) => specifier!).filter((specifier) => !specifier.startsWith("node:"));
    expect(imported).not.toEqual([]);
    const dependencies = Object.keys((JSON.parse(read("package.json")) as { dependencies: Env }).dependencies);
    for (const specifier of imported) {
      const workspace = workspaceDirs.find((dir) => (JSON.parse(read(join(dir, "package.json"))) as { name: string }).name === specifier);
      if (workspace === undefined) {
        expect(dependencies, specifier).toContain(specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/"));
        continue;
      }
      const exported = (JSON.parse(read(join(workspace, "package.json"))) as { exports: Record<string, { default?: string }> }).exports["."]?.default;
      expect(exported, `${specifier}'s default export`).toBeDefined();
      const path = join(workspace, exported!);
      expect(patterns.some((pattern) => pattern.test(path)), `${specifier}: ${path}`).toBe(true);
    }
  });
});

describe(".dockerignore", () => {
  const patterns = read(".dockerignore").split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
  // Docker's pattern language as far as this file uses it: *, ** and plain names, matched from the context's root.
  const expressions = patterns.map((pattern) => {
    if (/[![\]\\]/.test(pattern)) throw new Error(`.dockerignore: this test does not read "${pattern}"`);
    const segments = pattern.replace(/^\/+/, "").split("/");
    const body = segments.map((segment, index) => (segment === "**" ? (index === segments.length - 1 ? ".*" : "(?:.*/)?") : `${segment.replace(/[.+?^${}()|]/g, "\\$&").replace(/\*/g, "[^/]*")}${index === segments.length - 1 ? "" : "/"}`));
    return new RegExp(`^${body.join("")}$`);
  });
  const excluded = (path: string) => path.split("/").some((_, index, parts) => expressions.some((expression) => expression.test(parts.slice(0, index + 1).join("/"))));

  it("keeps out what must not reach an image or would spoil the build", () => {
    const dataDir = relative(root, loadPlatformConfig({ ...imageEnv, ...operatorValues }, { cwd: root }).dataDir);
    const unwanted = [`${dataDir}/dev-gateway-secret`, "deploy/.env", "node_modules/yaml/package.json", `${modules[0]!.packageDir}/node_modules/x`, ...builtPackages.map((pkg) => `${pkg.outDir}/.tsbuildinfo`), ".git/HEAD"];
    expect(unwanted.filter((path) => !excluded(path))).toEqual([]);
  });

  it("lets in everything the build and the processes read", () => {
    const tsconfigs = readdirSync(root).filter((file) => /^tsconfig.*\.json$/.test(file));
    const packageBuilds = builtPackages.map((pkg) => join(pkg.dir, "tsconfig.build.json"));
    const sources = builtPackages.flatMap((pkg) => pkg.files.map((file) => file.source)).filter((file) => !file.includes("__generated__"));
    const prisma = dataOwners.map((owner) => `prisma/${owner}/schema.prisma`);
    const codegen = modules.map((module) => join(module.packageDir, "codegen.ts")).filter((file) => existsSync(join(root, file)));
    const needed = [...manifests, ...tsconfigs, ...packageBuilds, ...sources, ...prisma, ...codegen, "scripts/generate.mjs", ...runtimeFilesRead(), entryScript, provisioning.script];
    expect(needed.filter(excluded)).toEqual([]);
  });
});

describe("deploy/compose.yaml", () => {
  const servicesOf = (processName: string) => marqueeServices.filter(([, service]) => composeEnv(service)["MARQUEE_PROCESS"] === processName);
  const portOf = (service: ComposeService) => Number(composeEnv(service)["PORT"]);

  it("runs every module once and the gateway at least twice, each from the repository's image", () => {
    for (const module of moduleNames) expect(servicesOf(module).map(([name]) => name), module).toHaveLength(1);
    expect(servicesOf("gateway").length).toBeGreaterThanOrEqual(2);
    for (const [name, service] of marqueeServices) expect([...processNames, provisioning.name], name).toContain(composeEnv(service)["MARQUEE_PROCESS"]);
  });

  it("sets only variables the code reads", () => {
    for (const [name, service] of processServices) expect(Object.keys(composeEnv(service)).filter((variable) => !variablesRead.has(variable)), name).toEqual([]);
  });

  it.each(processServices.map(([name]) => [name]))("gives %s what a production process needs", async (name) => {
    const service = compose.services[name]!;
    await expectStartable(composeEnv(service)["MARQUEE_PROCESS"]!, { ...imageEnv, ...composeEnv(service) });
    if (composeEnv(service)["MARQUEE_PROCESS"] === "gateway") expect(Object.keys(composeEnv(service))).toEqual(expect.arrayContaining(routingVariables));
  });

  it("takes every secret from the operator, and refuses to start without it", () => {
    for (const [name] of marqueeServices) {
      const environment = composeRaw.services[name]!.environment ?? {};
      for (const variable of secretVariables.filter((secret) => secret in environment)) {
        expect(() => interpolate(String(environment[variable]), {}), `${name}: ${variable}`).toThrow(MissingVariable);
      }
    }
  });

  it("points every module URL at the service running that module", () => {
    for (const [, service] of marqueeServices) {
      expectModuleUrls(composeEnv(service), (module) => ({ hosts: servicesOf(module).map(([name]) => name), port: portOf(servicesOf(module)[0]![1]) }));
    }
  });

  it("checks readiness on /ready at the process's own port, and publishes the gateways' port", () => {
    for (const [name, service] of processServices) {
      expect(portOf(service), name).toBeGreaterThan(0);
      const test = service.healthcheck?.test.join(" ") ?? "";
      expect(test, name).toContain(readinessPath);
      expect(test, name).toContain("process.env.PORT");
      for (const published of service.ports ?? []) expect(Number(published.split(":").at(-1)), name).toBe(portOf(service));
    }
  });

  it("serves every process's metrics on a port apart from PORT, and publishes none of them to the host", () => {
    for (const [name, service] of processServices) {
      const metricsPort = metricsPortOf(name, { ...imageEnv, ...composeEnv(service) });
      for (const published of service.ports ?? []) expect(Number(published.split("/")[0]!.split(":").at(-1)), `${name} publishes ${published}`).not.toBe(metricsPort);
    }
  });

  it("waits longer than a process's drain before it kills the process", () => {
    const milliseconds = (duration: string) => [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)].reduce((sum, [, amount, unit]) => sum + Number(amount) * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[unit as "ms"], 0);
    // Compose's own default is 10 s.
    for (const [name, service] of processServices) expect(milliseconds(service.stop_grace_period ?? "10s"), name).toBeGreaterThan(drainMs({ ...imageEnv, ...composeEnv(service) }));
  });

  it("starts each process after every service its URLs name is healthy", () => {
    for (const [name, service] of marqueeServices) {
      const named = Object.values(composeEnv(service)).flatMap((value) => (URL.canParse(value) ? [new URL(value).hostname] : [])).filter((host) => host in compose.services && host !== name);
      for (const host of new Set(named)) {
        expect(service.depends_on?.[host]?.condition, `${name} after ${host}`).toBe("service_healthy");
        expect(compose.services[host]!.healthcheck, `${host}'s healthcheck`).toBeDefined();
      }
    }
  });

  it("runs the provisioning task once, to completion, with the administrator's URL and every role's password, and nothing else", () => {
    expect(provisioningServices.map(([name]) => name)).toHaveLength(1);
    const [[name, service]] = provisioningServices as [[string, ComposeService]];
    expect(service.restart, `${name}: a one-shot service`).toBe("no");
    const variables = Object.keys(composeEnv(service));
    expect(variables.toSorted(), name).toEqual(["MARQUEE_PROCESS", ...provisioningUrlVariables, ...passwordVariables].toSorted());
  });

  it("starts no subgraph before the provisioning task has succeeded", () => {
    const [[provisioningName]] = provisioningServices as [[string, ComposeService]];
    for (const module of moduleNames) {
      const [[name, service]] = servicesOf(module) as [[string, ComposeService]];
      expect(service.depends_on?.[provisioningName]?.condition, `${name} after ${provisioningName}`).toBe("service_completed_successfully");
    }
  });

  it("connects each subgraph as its own module's roles and the access directory's, with the passwords and on the database the provisioning task gave them", async () => {
    const [[, provisioningService]] = provisioningServices as [[string, ComposeService]];
    const provisioningEnv = composeEnv(provisioningService);
    const adminUrl = new URL(provisioningEnv[provisioningUrlVariables[0]!]!);
    for (const module of moduleNames) {
      const [[name, service]] = servicesOf(module) as [[string, ComposeService]];
      for (const { role, url } of await expectOwnRolesOnly(module, { ...imageEnv, ...composeEnv(service) })) {
        expect(decodeURIComponent(url.password), `${name}: ${role}'s password`).toBe(provisioningEnv[`${role.toUpperCase()}_PASSWORD`]);
        expect(`${url.host}${url.pathname}`, `${name}: ${role}'s database`).toBe(`${adminUrl.host}${adminUrl.pathname}`);
      }
    }
  });
});

describe("deploy/kubernetes", () => {
  const namespaces = objectsOfKind("Namespace");
  const deploymentsOf = (processName: string) => deployments.filter((deployment) => kubernetesEnv(deployment)["MARQUEE_PROCESS"] === processName);

  it("puts everything in one namespace", () => {
    expect(namespaces).toHaveLength(1);
    const namespace = namespaces[0]!.metadata.name;
    expect(kubernetesObjects.filter((object) => object !== namespaces[0] && object.metadata.namespace !== namespace).map((object) => `${object.kind}/${object.metadata.name}`)).toEqual([]);
  });

  it("has one Deployment and one Service for every module and for the gateway", () => {
    for (const processName of processNames) {
      const [deployment, ...others] = deploymentsOf(processName);
      expect(others, processName).toEqual([]);
      expect(deployment, processName).toBeDefined();
      expect(selects(deployment!.spec.selector.matchLabels, podLabels(deployment!)), processName).toBe(true);
      expect(serviceOf(deployment!), processName).toHaveLength(1);
    }
    expect(deployments.map((deployment) => kubernetesEnv(deployment)["MARQUEE_PROCESS"]).filter((name) => !processNames.includes(name!))).toEqual([]);
  });

  it("sets only variables the code reads", () => {
    for (const deployment of deployments) expect(Object.keys(kubernetesEnv(deployment)).filter((variable) => !variablesRead.has(variable)), deployment.metadata.name).toEqual([]);
  });

  it.each(deployments.map((deployment) => [deployment.metadata.name, deployment]))("gives %s what a production process needs, once the placeholders are replaced", async (_name, deployment) => {
    const env = kubernetesEnv(deployment);
    await expectStartable(env["MARQUEE_PROCESS"]!, withOperatorValues(env));
    if (env["MARQUEE_PROCESS"] === "gateway") expect(Object.keys(env)).toEqual(expect.arrayContaining(routingVariables));
  });

  it("does not start with the placeholders, and refuses each secret's placeholder on its own", async () => {
    for (const deployment of deployments) expect(() => loadPlatformConfig(kubernetesEnv(deployment)), deployment.metadata.name).toThrow(ConfigError);
    const secrets = objectsOfKind("Secret").flatMap((secret) => Object.entries(secret.stringData ?? {}));
    expect(secrets.filter(([, value]) => !placeholder.test(value)).map(([key]) => key)).toEqual([]);
    // The processes' keys, each refused by the kit as the process reads it.
    const forProvisioning = new Set([...provisioningUrlVariables, ...passwordVariables]);
    for (const [key, value] of secrets.filter(([key]) => !forProvisioning.has(key))) {
      const env = { ...imageEnv, ...operatorValues, [key]: value };
      const servedOwner = dataOwners.find((owner) => databaseVariables.get(owner)!.includes(key));
      const migratedOwner = dataOwners.find((owner) => migrationVariables.get(owner)!.includes(key));
      const refused = servedOwner
        ? resolveDatabaseTarget(servedOwner, env)
        : migratedOwner
          ? Promise.resolve().then(() => resolveMigrationTarget(migratedOwner, { kind: "postgres", url: operatorValues["DATABASE_URL"]! }, env))
          : Promise.resolve().then(() => loadPlatformConfig(env));
      await expect(refused, key).rejects.toSatisfy((error) => error instanceof InvalidDatabaseUrlError || (error instanceof ConfigError && error.problems.some((problem) => problem.includes(key))));
    }
    // The provisioning task's keys, refused by the script before it connects anywhere: the
    // administrator's URL, then every role's password.
    const provisioningSecrets = secrets.filter(([key]) => forProvisioning.has(key));
    const passwords = Object.fromEntries(passwordVariables.map((variable) => [variable, operatorValues[variable]!]));
    for (const [key, value] of provisioningSecrets.filter(([key]) => provisioningUrlVariables.includes(key))) {
      const result = runProvisioning({ ...passwords, [key]: value });
      expect(result.status, key).not.toBe(0);
      expect(result.stderr, key).toContain(key);
    }
    const placeholderPasswords = provisioningSecrets.filter(([key]) => passwordVariables.includes(key));
    if (placeholderPasswords.length > 0) {
      const result = runProvisioning({ [provisioningUrlVariables[0]!]: operatorValues["DATABASE_ADMIN_URL"]!, ...passwords, ...Object.fromEntries(placeholderPasswords) });
      expect(result.status).not.toBe(0);
      for (const [key] of placeholderPasswords) expect(result.stderr, key).toContain(key);
    }
  });

  it("takes every secret from a Secret, never from a literal or a ConfigMap", () => {
    for (const deployment of [...deployments, ...jobs]) {
      for (const entry of containerOf(deployment).env ?? []) if (secretVariables.includes(entry.name)) expect(entry.valueFrom?.secretKeyRef, `${deployment.metadata.name}: ${entry.name}`).toBeDefined();
    }
    for (const configMap of objectsOfKind("ConfigMap")) expect(Object.keys(configMap.data ?? {}).filter((key) => secretVariables.includes(key))).toEqual([]);
  });

  it("listens, probes and serves GraphQL on the port PORT names; readiness on /ready, liveness on /health", () => {
    for (const deployment of deployments) {
      const container = containerOf(deployment);
      const port = Number(kubernetesEnv(deployment)["PORT"]);
      const name = deployment.metadata.name;
      expect(containerPortNumber(container, "http"), name).toBe(port);
      expect(container.readinessProbe.httpGet.path, name).toBe(readinessPath);
      expect(container.livenessProbe.httpGet.path, name).toBe(livenessPath);
      for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe].filter(Boolean)) {
        expect(probeRoutes, name).toContain(probe.httpGet.path);
        expect(containerPortNumber(container, probe.httpGet.port), name).toBe(port);
      }
      for (const servicePort of serviceOf(deployment)[0]!.spec.ports) expect(containerPortNumber(container, servicePort.targetPort ?? servicePort.port), name).toBe(port);
    }
  });

  it("declares on every container exactly the GraphQL port and the metrics port the code listens on, named metrics", () => {
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const env = withOperatorValues(kubernetesEnv(deployment));
      const metricsPort = metricsPortOf(name, env);
      const container = containerOf(deployment);
      expect((container.ports as any[]).map((candidate) => candidate.containerPort).toSorted(), name).toEqual([Number(env["PORT"]), metricsPort].toSorted());
      expect(containerPortNumber(container, "metrics"), name).toBe(metricsPort);
    }
  });

  it("keeps the metrics port out of every Service: Prometheus scrapes each pod", () => {
    for (const deployment of deployments) {
      const container = containerOf(deployment);
      const metricsPort = metricsPortOf(deployment.metadata.name, withOperatorValues(kubernetesEnv(deployment)));
      for (const service of serviceOf(deployment)) {
        for (const servicePort of service.spec.ports) {
          expect(containerPortNumber(container, servicePort.targetPort ?? servicePort.port), `Service ${service.metadata.name}, port ${servicePort.name ?? servicePort.port}`).not.toBe(metricsPort);
        }
      }
    }
  });

  it("asks Prometheus to scrape every pod on its metrics port, at the path the metrics server serves", () => {
    for (const deployment of deployments) {
      const metricsPort = metricsPortOf(deployment.metadata.name, withOperatorValues(kubernetesEnv(deployment)));
      expect(deployment.spec.template.metadata.annotations, deployment.metadata.name).toEqual(
        expect.objectContaining({ "prometheus.io/scrape": "true", "prometheus.io/port": String(metricsPort), "prometheus.io/path": metricsPath }),
      );
    }
  });

  it("points every module URL at that module's Service", () => {
    for (const deployment of deployments) {
      expectModuleUrls(kubernetesEnv(deployment), (module) => {
        const service = serviceOf(deploymentsOf(module)[0]!)[0]!;
        const { name, namespace } = service.metadata;
        return { hosts: [name, `${name}.${namespace}`, `${name}.${namespace}.svc`, `${name}.${namespace}.svc.cluster.local`], port: service.spec.ports[0].port };
      });
    }
  });

  it("runs every container unprivileged, on a read-only root file system, as the image's user", () => {
    const [uid] = imageUser.split(":");
    for (const deployment of [...deployments, ...jobs]) {
      const pod = deployment.spec.template.spec;
      const container = containerOf(deployment);
      expect(pod.securityContext?.runAsNonRoot, deployment.metadata.name).toBe(true);
      if (pod.securityContext?.runAsUser !== undefined) expect(String(pod.securityContext.runAsUser)).toBe(uid);
      expect(container.securityContext?.readOnlyRootFilesystem, deployment.metadata.name).toBe(true);
      expect(container.securityContext?.allowPrivilegeEscalation, deployment.metadata.name).toBe(false);
    }
  });

  it("gives every container requests within its limits, and longer to stop than its drain takes", () => {
    const cpu = (quantity: string | number) => (String(quantity).endsWith("m") ? Number.parseFloat(String(quantity)) / 1000 : Number(quantity));
    const memory = (quantity: string) => Number.parseFloat(quantity) * ({ Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[quantity.replace(/^[\d.]+/, "")] ?? 1);
    for (const deployment of [...deployments, ...jobs]) {
      const { requests, limits } = containerOf(deployment).resources;
      expect(cpu(requests.cpu), deployment.metadata.name).toBeLessThanOrEqual(cpu(limits.cpu));
      expect(memory(requests.memory), deployment.metadata.name).toBeLessThanOrEqual(memory(limits.memory));
      if (deployment.kind !== "Deployment") continue;
      // Kubernetes' own default is 30 s.
      const graceMs = (deployment.spec.template.spec.terminationGracePeriodSeconds ?? 30) * 1_000;
      expect(graceMs, deployment.metadata.name).toBeGreaterThan(drainMs(withOperatorValues(kubernetesEnv(deployment))));
    }
  });

  it("keeps at least two gateways, one through voluntary disruptions, more on CPU", () => {
    const [gateway] = deploymentsOf("gateway");
    const autoscaler = objectsOfKind("HorizontalPodAutoscaler").find((object) => object.spec.scaleTargetRef.kind === "Deployment" && object.spec.scaleTargetRef.name === gateway!.metadata.name);
    expect(autoscaler?.apiVersion).toBe("autoscaling/v2");
    expect(autoscaler!.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(autoscaler!.spec.metrics).toContainEqual(expect.objectContaining({ type: "Resource", resource: expect.objectContaining({ name: "cpu" }) }));
    const budget = objectsOfKind("PodDisruptionBudget").find((object) => selects(object.spec.selector.matchLabels, podLabels(gateway!)));
    expect(budget?.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(budget!.spec.minAvailable).toBeLessThan(autoscaler!.spec.minReplicas);
  });

  const provisioningJobs = () => jobs.filter((job) => kubernetesEnv(job)["MARQUEE_PROCESS"] === provisioning.name);

  it("connects each subgraph as its own module's roles and the access directory's, as the Secret's URLs name them", async () => {
    for (const module of moduleNames) {
      const [deployment] = deploymentsOf(module);
      await expectOwnRolesOnly(module, withOperatorValues(kubernetesEnv(deployment!)));
    }
  });

  it("runs the provisioning Job with the administrator's URL and every role's password, from a Secret of its own", () => {
    expect(provisioningJobs()).toHaveLength(1);
    const [job] = provisioningJobs() as [K8sObject];
    expect(job.apiVersion).toBe("batch/v1");
    expect(["OnFailure", "Never"]).toContain(job.spec.template.spec.restartPolicy);
    const variables = Object.keys(kubernetesEnv(job)).filter((variable) => !(variable in imageEnv));
    expect(variables.toSorted()).toEqual(["MARQUEE_PROCESS", ...provisioningUrlVariables, ...passwordVariables].toSorted());
    // No serving process can read the administrator's credentials, whatever keys it names.
    const secretsOf = (workload: K8sObject) => new Set(((containerOf(workload).env ?? []) as any[]).flatMap((entry) => entry.valueFrom?.secretKeyRef?.name ?? []) as string[]);
    const adminSecrets = secretsOf(job);
    for (const deployment of deployments) expect([...secretsOf(deployment)].filter((name) => adminSecrets.has(name)), deployment.metadata.name).toEqual([]);
  });

  it("documents applying the provisioning Job and waiting for it to complete before the subgraphs, and never applying the Secrets' template", () => {
    const [job] = provisioningJobs() as [K8sObject];
    const namespace = namespaces[0]!.metadata.name;
    // The steps are the `kubectl` lines of the comment at the top of the namespace's file.
    const steps = read(fileOf.get(namespaces[0]!)!).split("\n").flatMap((line) => /^#\s+(kubectl\s.*)$/.exec(line)?.[1] ?? []);
    const appliedBy = (step: string) => {
      if (!/\sapply\s/.test(step)) return [];
      const words = step.split(/\s+/);
      const paths = words.flatMap((word, index) => (words[index - 1] === "-f" ? [relative(root, resolve(root, word))] : []));
      return kubernetesFiles.filter((file) => paths.some((path) => file === path || file.startsWith(`${path}/`)));
    };
    const stepsApplying = (file: string) => steps.flatMap((step, index) => (appliedBy(step).includes(file) ? [index] : []));
    const jobSteps = stepsApplying(fileOf.get(job)!);
    const waitStep = steps.findIndex((step) => /\swait\s/.test(step) && step.includes("--for=condition=complete") && step.includes(`job/${job.metadata.name}`) && new RegExp(`(-n |--namespace[= ])${namespace}\\b`).test(step));
    expect(jobSteps).not.toEqual([]);
    expect(waitStep).toBeGreaterThan(Math.max(...jobSteps));
    for (const module of moduleNames) {
      const file = fileOf.get(deploymentsOf(module)[0]!)!;
      expect(stepsApplying(file), `${module} (${file})`).not.toEqual([]);
      expect(Math.min(...stepsApplying(file)), `${module} (${file}) after the Job has completed`).toBeGreaterThan(waitStep);
    }
    // The template's placeholders would overwrite the real Secrets; every other file is applied.
    const secretFiles = new Set(objectsOfKind("Secret").map((secret) => fileOf.get(secret)!));
    for (const file of kubernetesFiles) expect(stepsApplying(file).length > 0, file).toBe(!secretFiles.has(file));
  });
});
