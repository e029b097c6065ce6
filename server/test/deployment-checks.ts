import { parseDocument } from "yaml";
import { parseEnv } from "../src/config/env";

/** One nginx directive: its name, its arguments and, for a block (`upstream x { … }`), its children. */
export interface NginxDirective {
  name: string;
  args: string[];
  children?: NginxDirective[];
}

/**
 * Parses an nginx configuration into directives (comments dropped, quotes honoured), enough to
 * check what it says rather than grep for text a comment could also contain.
 */
export function parseNginx(text: string): NginxDirective[] {
  const tokens = text.match(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|#[^\n]*|[{};]|[^\s{};#"']+/g) ?? [];
  let at = 0;
  const block = (): NginxDirective[] => {
    const directives: NginxDirective[] = [];
    let words: string[] = [];
    while (at < tokens.length) {
      const token = tokens[at++]!;
      if (token.startsWith("#")) {
        continue;
      }
      if (token === "}") {
        if (words.length > 0) {
          throw new Error(`nginx: "${words.join(" ")}" is not ended by ';'`);
        }
        return directives;
      }
      if (token === ";" || token === "{") {
        const [name, ...args] = words;
        if (name === undefined) {
          throw new Error(`nginx: '${token}' without a directive`);
        }
        directives.push(token === "{" ? { name, args, children: block() } : { name, args });
        words = [];
        continue;
      }
      words.push(/^["']/.test(token) ? token.slice(1, -1) : token);
    }
    if (words.length > 0) {
      throw new Error(`nginx: "${words.join(" ")}" is not ended by ';'`);
    }
    return directives;
  };
  return block();
}

/** Every directive named `name`, at any depth. */
export function findDirectives(directives: readonly NginxDirective[], name: string): NginxDirective[] {
  return directives.flatMap((d) => [...(d.name === name ? [d] : []), ...findDirectives(d.children ?? [], name)]);
}

/** nginx sizes: 51m, 512k, 1g or bytes. */
export function nginxBytes(size: string): number {
  const match = /^(\d+)([kmg]?)$/i.exec(size);
  if (!match) {
    throw new Error(`nginx: "${size}" is not a size`);
  }
  const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  return Number(match[1]) * unit;
}

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  volumes?: string[];
  ports?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** docker-compose.yml as Compose reads it (YAML merge keys `<<:` resolved); a syntax error throws. */
export function parseCompose(text: string): ComposeFile {
  const document = parseDocument(text, { merge: true, prettyErrors: true });
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    throw new Error(`docker-compose.yml: ${problems.map((p) => p.message).join("; ")}`);
  }
  const value = document.toJS() as ComposeFile | null;
  if (!value || typeof value.services !== "object" || value.services === null) {
    throw new Error("docker-compose.yml: no services");
  }
  return value;
}

/** A service's command as one string (Compose accepts a list or a string). */
export function commandOf(service: ComposeService | undefined): string {
  const command = service?.command;
  return Array.isArray(command) ? command.join(" ") : (command ?? "");
}

/** A named volume's name from a `name:/path[:mode]` entry; null for a bind mount (./x, /x). */
export function namedVolume(entry: string): string | null {
  const source = entry.split(":")[0] ?? "";
  return /^[.~/]/.test(source) || !entry.includes(":") ? null : source;
}

/** The files the deployment is made of, as text (tests pass altered copies to see the checks fail). */
export interface DeploymentFiles {
  compose: string;
  nginx: string;
  dockerfile: string;
  /** server/package.json's scripts. */
  scripts: Record<string, string>;
  /** Whether a path (relative to the repository root) exists. */
  exists(path: string): boolean;
}

const REQUIRED_SERVICES = ["mysql", "redis", "api-1", "api-2", "worker", "proxy"];
/** IMPORT_LIMITS.maxBytes plus the upload route's multipart allowance (MULTIPART_SLACK). */
const MULTIPART_SLACK = 64 * 1024;

/** `npm run <script> -w server`: the way the API and the worker are started everywhere. */
const scriptCommand = (script: string) => `npm run ${script} -w server`;

/**
 * The source file an `exec node dist/x.js` script runs once built (tsconfig.build: src → dist); null
 * if it is not one. `exec`: npm's SIGTERM must reach node, not the shell (npm-script-signals.int.test.ts).
 */
export function sourceOfScript(script: string | undefined): string | null {
  const match = /^exec node (?:--[\w-]+(?:=\S+)? )*dist\/([\w./-]+)\.js$/.exec(script ?? "");
  return match ? `server/src/${match[1]}.ts` : null;
}

/** Everything wrong with the deployment files; empty when they hold together. */
export function deploymentProblems(files: DeploymentFiles, maxUploadBytes: number): string[] {
  const problems: string[] = [];
  let compose: ComposeFile;
  try {
    compose = parseCompose(files.compose);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  const services = compose.services;
  for (const name of REQUIRED_SERVICES.filter((n) => !services[n])) {
    problems.push(`service ${name} is missing`);
  }
  problems.push(...imageProblems(services));
  problems.push(...healthAndDependencyProblems(compose));
  problems.push(...commandProblems(files, services));
  problems.push(...nginxProblems(files, services, maxUploadBytes));
  return problems;
}

function imageProblems(services: ComposeFile["services"]): string[] {
  const problems: string[] = [];
  const expect = (name: string, pattern: RegExp, what: string) => {
    if (services[name] && !pattern.test(services[name].image ?? "")) {
      problems.push(`service ${name}: image must be ${what} (is ${services[name].image ?? "none"})`);
    }
  };
  expect("mysql", /^mysql:8(\.|$)/, "mysql:8.x");
  expect("redis", /^redis:7(\.|-|$)/, "redis:7");
  expect("proxy", /^nginx:[\w.-]*alpine/, "nginx:…alpine");
  if (services.redis && !/--appendonly yes/.test(commandOf(services.redis))) {
    problems.push("service redis: command must enable the append-only file (--appendonly yes)");
  }
  return problems;
}

function healthAndDependencyProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const declared = new Set(Object.keys(compose.volumes ?? {}));
  for (const [name, service] of Object.entries(compose.services)) {
    const test = service.healthcheck?.test;
    if (!test || test.length === 0 || service.healthcheck?.disable || (Array.isArray(test) && test[0] === "NONE")) {
      problems.push(`service ${name}: no healthcheck`);
    }
    const dependsOn = service.depends_on ?? {};
    if (Array.isArray(dependsOn)) {
      problems.push(`service ${name}: depends_on must name a condition (service_healthy), not a bare list`);
    } else {
      for (const [target, { condition } = {}] of Object.entries(dependsOn)) {
        if (!compose.services[target]) {
          problems.push(`service ${name}: depends_on ${target}, which is not a service`);
        } else if (condition !== "service_healthy") {
          problems.push(`service ${name}: depends_on ${target} must wait for condition service_healthy (is ${condition ?? "none"})`);
        }
      }
    }
    for (const volume of (service.volumes ?? []).map(namedVolume).filter((v): v is string => v !== null)) {
      if (!declared.has(volume)) {
        problems.push(`service ${name}: volume ${volume} is not declared under volumes:`);
      }
    }
  }
  const needs = (name: string, targets: string[]) => {
    const dependsOn = compose.services[name]?.depends_on;
    for (const target of targets.filter((t) => Array.isArray(dependsOn) || !dependsOn?.[t])) {
      problems.push(`service ${name}: must depend on ${target}`);
    }
  };
  const apis = apiServices(compose.services);
  apis.forEach((api) => needs(api, ["mysql", "redis"]));
  needs("worker", ["redis", ...apis.slice(0, 1)]);
  needs("proxy", apis);
  const dataVolume = (name: string, path: string) => {
    const mounted = (compose.services[name]?.volumes ?? []).some((v) => namedVolume(v) !== null && v.split(":")[1] === path);
    if (compose.services[name] && !mounted) {
      problems.push(`service ${name}: ${path} must be a named volume`);
    }
  };
  dataVolume("mysql", "/var/lib/mysql");
  dataVolume("redis", "/data");
  return problems;
}

/** The services that run the API: those whose command is `npm run start -w server`. */
export function apiServices(services: ComposeFile["services"]): string[] {
  return Object.keys(services).filter((name) => commandOf(services[name]) === scriptCommand("start"));
}

function commandProblems(files: DeploymentFiles, services: ComposeFile["services"]): string[] {
  const problems: string[] = [];
  const apis = apiServices(services);
  if (apis.length < 2 || !apis.includes("api-1") || !apis.includes("api-2")) {
    problems.push(`api-1 and api-2 must run exactly \`${scriptCommand("start")}\` (the API replicas found: ${apis.join(", ") || "none"})`);
  }
  if (services.worker && commandOf(services.worker) !== scriptCommand("worker")) {
    problems.push(`service worker: command must be \`${scriptCommand("worker")}\` (is \`${commandOf(services.worker)}\`)`);
  }
  for (const script of ["start", "worker"]) {
    const source = sourceOfScript(files.scripts[script]);
    if (!source || !files.exists(source)) {
      problems.push(`server/package.json script ${script} must be \`exec node dist/<file>.js\` (SIGTERM reaches node) built from a server/src file the tests spawn (is \`${files.scripts[script] ?? "missing"}\`)`);
    }
  }
  const [first, ...others] = apis.map((name) => services[name]!);
  for (const [index, other] of others.entries()) {
    if (JSON.stringify({ ...other, ports: undefined }) !== JSON.stringify({ ...first, ports: undefined })) {
      problems.push(`service ${apis[index + 1]}: must be configured exactly like ${apis[0]} (replicas are interchangeable)`);
    }
  }
  for (const name of apis) {
    const service = services[name]!;
    const env = service.environment ?? {};
    if (!env.REDIS_URL) {
      problems.push(`service ${name}: REDIS_URL must be set (shared rate limits, pub/sub and jobs)`);
    }
    if (!/^\$\{SESSION_SECRET:\?/.test(env.SESSION_SECRET ?? "")) {
      problems.push(`service ${name}: SESSION_SECRET must be required (\${SESSION_SECRET:?…})`);
    }
    if (env.NODE_ENV !== "production") {
      problems.push(`service ${name}: NODE_ENV must be production`);
    }
    if ((service.ports ?? []).length > 0) {
      problems.push(`service ${name}: must not publish ports (requests go through the proxy)`);
    }
    const health = [service.healthcheck?.test ?? []].flat().join(" ");
    if (!health.includes(`:${env.PORT ?? "4000"}/healthz`)) {
      problems.push(`service ${name}: the healthcheck must read /healthz on port ${env.PORT ?? "4000"}`);
    }
  }
  for (const name of [...apis, "worker"].filter((n) => services[n])) {
    try {
      parseEnv(Object.fromEntries(Object.entries(services[name]!.environment ?? {}).map(([key, value]) => [key, interpolated(value)])));
    } catch (error) {
      problems.push(`service ${name}: its environment is not a valid configuration: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const workerHealth = /node (server\/dist\/[\w./-]+)\.js/.exec([services.worker?.healthcheck?.test ?? []].flat().join(" "))?.[1];
  if (workerHealth && !files.exists(`${workerHealth.replace("server/dist/", "server/src/")}.ts`)) {
    problems.push(`service worker: the healthcheck runs ${workerHealth}.js, which no server/src file builds`);
  }
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(files.dockerfile)?.[1];
  if (!/^RUN npm ci\b/m.test(files.dockerfile) || !/^RUN npm run build\b/m.test(files.dockerfile)) {
    problems.push("Dockerfile: must install with `npm ci` and build with `npm run build`");
  }
  if (!cmd || (JSON.parse(cmd) as string[]).join(" ") !== scriptCommand("start")) {
    problems.push(`Dockerfile: CMD must be ["npm", "run", "start", "-w", "server"] (is ${cmd ?? "missing"})`);
  }
  return problems;
}

/** The directives of `name` in force inside a location: its own if it has any, else the server's (nginx inherits all or none). */
function inForce(server: NginxDirective, location: NginxDirective | undefined, name: string): NginxDirective[] {
  const own = (location?.children ?? []).filter((d) => d.name === name);
  return own.length > 0 ? own : (server.children ?? []).filter((d) => d.name === name);
}

function nginxProblems(files: DeploymentFiles, services: ComposeFile["services"], maxUploadBytes: number): string[] {
  const mount = (services.proxy?.volumes ?? []).find((v) => /^\.\/.+:\/etc\/nginx\/conf\.d\/[\w.-]+\.conf(:ro)?$/.test(v));
  if (!mount || mount.split(":")[0] !== "./deploy/nginx.conf") {
    return ["service proxy: must mount ./deploy/nginx.conf into /etc/nginx/conf.d/"];
  }
  let config: NginxDirective[];
  try {
    config = parseNginx(files.nginx);
  } catch (error) {
    return [`deploy/nginx.conf: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  const server = findDirectives(config, "server").find((d) => d.children);
  if (!server) {
    return ["deploy/nginx.conf: no server block"];
  }
  const location = (path: string) => (server.children ?? []).find((d) => d.name === "location" && d.args.at(-1) === path);
  const graphql = location("/graphql");
  const upstreamName = /^http:\/\/([\w-]+)$/.exec(graphql ? (inForce(server, graphql, "proxy_pass")[0]?.args[0] ?? "") : "")?.[1];
  const upstream = findDirectives(config, "upstream").find((d) => d.args[0] === upstreamName);
  const apis = apiServices(services);
  const wanted = apis.map((name) => `${name}:${services[name]?.environment?.PORT ?? "4000"}`).sort();
  const listed = (upstream?.children ?? []).filter((d) => d.name === "server").map((d) => d.args[0] ?? "").sort();
  if (!upstream || JSON.stringify(listed) !== JSON.stringify(wanted)) {
    problems.push(`deploy/nginx.conf: location /graphql must proxy_pass to an upstream of exactly ${wanted.join(", ")} (found ${listed.join(", ") || "none"})`);
  }
  const headers = new Map(inForce(server, graphql, "proxy_set_header").map((d) => [d.args[0]?.toLowerCase(), d.args[1] ?? ""]));
  const connection = headers.get("connection") ?? "";
  const mapped = findDirectives(config, "map").find((d) => d.args[0] === "$http_upgrade" && d.args[1] === connection);
  const upgrades = connection === "upgrade" || mapped?.children?.some((d) => d.name === "default" && d.args[0] === "upgrade");
  if (headers.get("upgrade") !== "$http_upgrade" || !upgrades) {
    problems.push("deploy/nginx.conf: /graphql must pass the WebSocket upgrade (Upgrade $http_upgrade, Connection upgrade)");
  }
  if (inForce(server, graphql, "proxy_http_version")[0]?.args[0] !== "1.1") {
    problems.push("deploy/nginx.conf: /graphql needs proxy_http_version 1.1 (WebSocket upgrade, upstream keepalive)");
  }
  const upload = location("/api/") ?? location("/api/imports");
  const bodySize = inForce(server, upload, "client_max_body_size")[0]?.args[0];
  if (!bodySize || nginxBytes(bodySize) < maxUploadBytes + MULTIPART_SLACK) {
    problems.push(`deploy/nginx.conf: client_max_body_size must fit a CSV upload (${maxUploadBytes} bytes + multipart framing; is ${bodySize ?? "nginx's 1m"})`);
  }
  const healthPath = /http:\/\/127\.0\.0\.1(?::80)?(\/[\w/-]*)/.exec([services.proxy?.healthcheck?.test ?? []].flat().join(" "))?.[1];
  if (!healthPath || !location(healthPath)) {
    problems.push(`service proxy: the healthcheck must read a location of deploy/nginx.conf (reads ${healthPath ?? "none"})`);
  }
  return problems;
}

/** A value as Compose would pass it: `${X:-default}` → default, `${X:?message}` (required) → a stand-in secret. */
function interpolated(value: string): string {
  return String(value).replace(/\$\{\w+(?:(:?-)([^}]*)|(:?\?)[^}]*)?\}/g, (_match, dash: string | undefined, fallback: string | undefined, required: string | undefined) =>
    dash ? (fallback ?? "") : required ? "a-required-value-set-by-the-operator" : "",
  );
}
