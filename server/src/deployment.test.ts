import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deploymentProblems, parseCompose, type DeploymentFiles } from "../test/deployment-checks";
import { IMPORT_LIMITS } from "./modules/imports/csv-file";

// docker-compose.yml cannot run here (no Docker engine): this holds it to the code instead. Its service
// commands are the package.json scripts the tests run, the proxy fronts every API replica, and so on.
const ROOT = join(__dirname, "../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

function realFiles(): DeploymentFiles {
  const serverPackage = JSON.parse(read("server/package.json")) as { scripts: Record<string, string> };
  return {
    compose: read("docker-compose.yml"),
    nginx: read("deploy/nginx.conf"),
    dockerfile: read("Dockerfile"),
    scripts: serverPackage.scripts,
    exists: (path) => existsSync(join(ROOT, path)),
  };
}

/** The real files with one text replaced (which must be there: a mutation that changes nothing proves nothing). */
function altered(file: "compose" | "nginx" | "dockerfile", from: string | RegExp, to: string): DeploymentFiles {
  const files = realFiles();
  const changed = files[file].replace(from, to);
  if (changed === files[file]) {
    throw new Error(`the mutation found no ${String(from)} in ${file}`);
  }
  return { ...files, [file]: changed };
}

describe("the deployment (docker-compose.yml, deploy/nginx.conf, Dockerfile)", () => {
  it("should hold together: services, healthchecks, dependencies, volumes, commands and proxy", () => {
    expect(deploymentProblems(realFiles(), IMPORT_LIMITS.maxBytes)).toEqual([]);
  });

  it("should run the API and the worker with exactly the server scripts the tests run", () => {
    const compose = parseCompose(read("docker-compose.yml"));
    const scripts = (JSON.parse(read("server/package.json")) as { scripts: Record<string, string> }).scripts;
    // main.int.test.ts spawns src/main.ts, worker-process.int.test.ts src/worker.ts: these scripts run their builds.
    expect(scripts.start).toBe("exec node dist/main.js");
    expect(scripts.worker).toBe("exec node dist/worker.js");
    expect(compose.services["api-1"]?.command).toEqual(["npm", "run", "start", "-w", "server"]);
    expect(compose.services["api-2"]?.command).toEqual(["npm", "run", "start", "-w", "server"]);
    expect(compose.services.worker?.command).toEqual(["npm", "run", "worker", "-w", "server"]);
  });

  const breakages: Array<[string, () => DeploymentFiles, string]> = [
    ["a YAML syntax error", () => altered("compose", /\nvolumes:\n/, "\nvolumes: [unclosed\n"), "docker-compose.yml"],
    ["an API replica started another way", () => altered("compose", /\n {2}api-2:\n {4}<<: \*api\n/, "\n  api-2:\n    <<: *api\n    command: node server/dist/main.js\n"), "api-1 and api-2 must run exactly"],
    ["the worker command drifting from the script", () => altered("compose", '["npm", "run", "worker", "-w", "server"]', '["node", "server/dist/worker.js"]'), "service worker: command must be"],
    ["a service without a healthcheck", () => altered("compose", /\n {4}healthcheck:\n {6}test: \["CMD", "wget"[^\n]*\n/, "\n"), "service proxy: no healthcheck"],
    ["a dependency that does not wait for health", () => altered("compose", /(api-2:\n {8}condition: )service_healthy/, "$1service_started"), "service proxy: depends_on api-2 must wait"],
    ["an undeclared volume", () => altered("compose", /\n {2}redis-data:\n?$/, "\n"), "volume redis-data is not declared"],
    ["Redis without its append-only file", () => altered("compose", '"--appendonly", "yes"', '"--appendonly", "no"'), "append-only"],
    ["an upstream missing a replica", () => altered("nginx", /\n\s*server api-2:4000[^;]*;/, ""), "upstream of exactly api-1:4000, api-2:4000"],
    ["no WebSocket upgrade", () => altered("nginx", /\n\s*proxy_set_header Upgrade \$http_upgrade;/, ""), "WebSocket upgrade"],
    // nginx drops every inherited proxy_set_header once a location sets one of its own.
    ["a location header that hides the upgrade", () => altered("nginx", "proxy_read_timeout 1h;", "proxy_read_timeout 1h;\n        proxy_set_header X-Extra 1;"), "WebSocket upgrade"],
    ["a body limit below the CSV upload limit", () => altered("nginx", "client_max_body_size 51m;", "client_max_body_size 10m;"), "client_max_body_size must fit"],
    ["a Dockerfile that starts something else", () => altered("dockerfile", /^CMD .*$/m, 'CMD ["node", "server/dist/main.js"]'), "Dockerfile: CMD"],
    ["a start script that no longer runs the built main.ts", () => ({ ...realFiles(), scripts: { ...realFiles().scripts, start: "exec node dist/server.js" } }), "script start"],
    ["an environment the API would refuse at boot", () => altered("compose", "TRUST_PROXY: loopback, uniquelocal", "TRUST_PROXY: the nginx container"), "its environment is not a valid configuration: Invalid configuration:\n  - TRUST_PROXY"],
    ["a worker script whose shell would swallow SIGTERM", () => ({ ...realFiles(), scripts: { ...realFiles().scripts, worker: "node dist/worker.js" } }), "script worker must be `exec node"],
  ];

  it.each(breakages)("should report %s", (_what, files, problem) => {
    expect(deploymentProblems(files(), IMPORT_LIMITS.maxBytes).join("\n")).toContain(problem);
  });
});
