// Checks the Kubernetes manifests beside this folder before they reach a cluster:
//  1. every object against the Kubernetes API's JSON schemas (kubernetes-models: types, formats, required fields);
//  2. strictly, against the API's TypeScript types (kubernetes-types, via tsc): an unknown or misspelt field fails;
//  3. the kustomization lists every manifest, and the Deployment, Service, PodDisruptionBudget and Secret fit together;
//  4. the Ingress routes every path the service serves to a browser or an image proxy, read from its controllers and
//     static files, and nothing of the actuator or the playground; the ConfigMap's PULSE_PUBLIC_URL is its host.
// Run: npm ci && node check.mjs   (CI does this in .ci/run)
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, "..");
const problems = [];

const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
const objects = [];
for (const file of files) {
  yaml.loadAll(readFileSync(join(dir, file), "utf8"), (doc) => {
    if (doc) objects.push({ file, doc });
  });
}

// 1. JSON schemas of the API
const modelPaths = {
  "v1": "v1",
  "apps/v1": "apps/v1",
  "policy/v1": "policy/v1",
  "networking.k8s.io/v1": "networking.k8s.io/v1",
};
const typePaths = {
  "v1": "core/v1",
  "apps/v1": "apps/v1",
  "policy/v1": "policy/v1",
  "networking.k8s.io/v1": "networking/v1",
};
const typed = [];
for (const { file, doc } of objects) {
  if (doc.kind === "Kustomization") continue;
  const path = modelPaths[doc.apiVersion];
  if (!path) {
    problems.push(`${file}: ${doc.apiVersion} ${doc.kind} is not an API this check knows`);
    continue;
  }
  const module = await import(`kubernetes-models/${path}/${doc.kind}`).catch(() => null);
  if (!module || !module[doc.kind]) {
    problems.push(`${file}: no kind ${doc.kind} in ${doc.apiVersion}`);
    continue;
  }
  try {
    new module[doc.kind](doc).validate();
  } catch (e) {
    problems.push(`${file}: ${doc.kind} ${doc.metadata?.name}: ${e.message}`);
  }
  typed.push({ file, doc, types: typePaths[doc.apiVersion] });
}

// 2. Strict: object literals typed with the API's types; tsc rejects unknown fields and wrong types.
const generated = join(here, "generated");
mkdirSync(generated, { recursive: true });
const imports = new Set();
const consts = typed.map(({ file, doc, types }, i) => {
  const alias = `${doc.kind}_${types.replace(/\W/g, "_")}`;
  imports.add(`import type { ${doc.kind} as ${alias} } from "kubernetes-types/${types}";`);
  return `// ${file}\nexport const m${i}: ${alias} = ${JSON.stringify(doc, null, 2)};`;
});
writeFileSync(join(generated, "manifests.ts"), [...imports, "", ...consts, ""].join("\n"));
try {
  execFileSync(process.execPath, [join(here, "node_modules/typescript/bin/tsc"), "--noEmit", "--strict",
    "--target", "es2022", "--moduleResolution", "node", "--skipLibCheck", join(generated, "manifests.ts")],
    { encoding: "utf8", stdio: "pipe" });
} catch (e) {
  problems.push(`strict type check (generated/manifests.ts):\n${e.stdout}${e.stderr}`);
}

// 3. The pieces fit together.
const kustomization = objects.find((o) => o.doc.kind === "Kustomization")?.doc;
const listed = new Set(kustomization?.resources ?? []);
for (const file of files) {
  if (file === "kustomization.yaml" || file === "secret.example.yaml") continue;
  if (!listed.has(file)) problems.push(`kustomization.yaml does not list ${file}`);
}
for (const file of listed) {
  if (!files.includes(file)) problems.push(`kustomization.yaml lists ${file}, which does not exist`);
}
const find = (kind) => objects.find((o) => o.doc.kind === kind)?.doc;
const deployment = find("Deployment");
const service = find("Service");
const pdb = find("PodDisruptionBudget");
const secret = find("Secret");
const config = find("ConfigMap");
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
if (!deployment) {
  problems.push("no Deployment");
} else {
  const podLabels = deployment.spec.template.metadata.labels;
  const container = deployment.spec.template.spec.containers[0];
  if (deployment.spec.replicas < 2) problems.push("the Deployment should run 2 or more replicas");
  if (!matches(deployment.spec.selector.matchLabels, podLabels)) problems.push("Deployment selector does not match its pods");
  if (!service || !matches(service.spec.selector, podLabels)) problems.push("Service selector does not match the pods");
  if (!pdb || !matches(pdb.spec.selector.matchLabels, podLabels)) problems.push("PodDisruptionBudget selector does not match the pods");
  if (pdb && pdb.spec.minAvailable >= deployment.spec.replicas) problems.push("PodDisruptionBudget would block every drain");
  if (container.livenessProbe?.httpGet?.path !== "/actuator/health/liveness") problems.push("liveness probe is not Actuator's");
  if (container.readinessProbe?.httpGet?.path !== "/actuator/health/readiness") problems.push("readiness probe is not Actuator's");
  if (!container.resources?.requests?.memory || !container.resources?.limits?.memory) problems.push("memory request and limit are missing");
  const fromSecret = (container.envFrom ?? []).map((e) => e.secretRef?.name).filter(Boolean);
  const fromConfig = (container.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean);
  if (!secret || !fromSecret.includes(secret.metadata.name)) problems.push("the Deployment does not read the Secret");
  if (!config || !fromConfig.includes(config.metadata.name)) problems.push("the Deployment does not read the ConfigMap");
  if (!secret?.stringData?.PULSE_PSEUDONYM_SECRET) problems.push("the Secret has no PULSE_PSEUDONYM_SECRET");
  const configured = Object.keys(config?.data ?? {});
  for (const key of Object.keys(secret?.stringData ?? {})) {
    if (configured.includes(key)) problems.push(`${key} is both in the ConfigMap and in the Secret`);
  }
  if (!configured.includes("SPRING_DATASOURCE_URL")) problems.push("the ConfigMap names no PostgreSQL database");
}

// 4. Every path a browser, Slack, Teams or their image proxies call is routed to the service.
const root = join(dir, "..", "..");
const javaRoot = join(root, "src/main/java");
const javaFiles = [];
const walk = (d) => {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (entry.name.endsWith(".java")) javaFiles.push(p);
  }
};
walk(javaRoot);
const sources = new Map(javaFiles.map((f) => [f.split("/").pop().replace(/\.java$/, ""), readFileSync(f, "utf8")]));
// A mapping's path: string literals and Class.CONSTANT references joined with +.
const constant = (cls, name) => {
  const m = sources.get(cls)?.match(new RegExp(`static final String ${name} = "([^"]*)"`));
  if (!m) problems.push(`cannot read ${cls}.${name} for a mapping's path`);
  return m ? m[1] : "";
};
// A bare CONSTANT is the mapping's own class's.
const pathOf = (expression, own) => expression.split("+").map((part) => {
  const p = part.trim();
  if (p.startsWith("\"")) return p.slice(1, -1);
  const [cls, name] = p.includes(".") ? p.split(".") : [own, p];
  return constant(cls, name);
}).join("");
const served = new Set();
for (const [cls, text] of sources) {
  const mapping = /@(?:Get|Post|Put|Delete|Request)Mapping\((?:path\s*=\s*|value\s*=\s*)?(\{[^}]*\}|[^,)]+)/g;
  const paths = (m) => (m[1].startsWith("{") ? m[1].slice(1, -1).split(",") : [m[1]]).map((e) => pathOf(e, cls));
  // A class-level @RequestMapping is the prefix of its methods' paths.
  const declaration = text.search(/\b(class|record|interface)\s+\w+/);
  const classLevel = [...text.slice(0, declaration).matchAll(mapping)].flatMap(paths);
  for (const m of text.slice(declaration).matchAll(mapping)) {
    for (const p of paths(m)) {
      for (const prefix of classLevel.length ? classLevel : [""]) served.add((prefix + p).replace(/\{[^}]+\}/g, "x"));
    }
  }
  if (cls === "SlackConfiguration") {
    const app = constant(cls, "APP_PATH");
    served.add(constant(cls, "EVENTS_PATH"));
    served.add(app + constant(cls, "INSTALL_PATH"));
    served.add(app + constant(cls, "REDIRECT_PATH"));
  }
  for (const m of text.matchAll(/"(\/webjars\/[^"]*)"/g)) served.add(m[1]);
}
const staticDir = join(root, "src/main/resources/static");
const walkStatic = (d, prefix) => {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    if (entry.isDirectory()) walkStatic(join(d, entry.name), `${prefix}/${entry.name}`);
    else served.add(`${prefix}/${entry.name}`);
  }
};
walkStatic(staticDir, "");
// Spring Security's own sign-in and sign-out endpoints (DashboardSecurity, SignInProviders).
for (const p of ["/oauth2/authorization/slack", "/oauth2/authorization/microsoft", "/login/oauth2/code/slack",
  "/login/oauth2/code/microsoft", "/dashboard/logout"]) served.add(p);
const internal = (p) => p.startsWith("/playground") || p.startsWith("/actuator");
const ingress = find("Ingress");
const rules = (ingress?.spec?.rules ?? []).flatMap((r) => r.http?.paths ?? []);
const elements = (p) => p.split("/").filter(Boolean);
const routes = (rule, p) => {
  if (rule.pathType === "Exact") return rule.path === p;
  const prefix = elements(rule.path);
  const path = elements(p);
  return prefix.length <= path.length && prefix.every((e, i) => e === path[i]);
};
const expected = [...served].filter((p) => p.startsWith("/") && !internal(p)).sort();
if (!expected.includes("/pulse-charts/x.png") || !expected.includes("/dashboard") || !expected.includes("/api/messages")) {
  problems.push(`the service's paths were not all found in its sources: ${expected.join(", ")}`);
}
for (const p of expected) {
  if (!rules.some((rule) => routes(rule, p))) problems.push(`the Ingress does not route ${p}, which the service serves`);
}
for (const p of ["/actuator/health", "/actuator/prometheus", "/playground", "/playground/api/state"]) {
  if (rules.some((rule) => routes(rule, p))) problems.push(`the Ingress routes ${p}, which must stay inside the cluster`);
}
for (const rule of rules) {
  if (rule.backend?.service?.port?.name !== "http") problems.push(`the Ingress sends ${rule.path} to a port other than http`);
}
const servicePorts = (service?.spec?.ports ?? []).map((p) => p.targetPort);
if (servicePorts.some((p) => p === "management" || p === 8081)) problems.push("the Service exposes the actuator's port");
const publicUrl = config?.data?.PULSE_PUBLIC_URL;
const host = ingress?.spec?.rules?.[0]?.host;
if (!publicUrl) problems.push("the ConfigMap sets no PULSE_PUBLIC_URL: the pulse has no chart and sign-in redirects guess");
else if (publicUrl.replace(/\/+$/, "") !== `https://${host}`) problems.push(`PULSE_PUBLIC_URL ${publicUrl} is not the Ingress's host ${host}`);

if (problems.length) {
  console.error(`Kubernetes manifests: ${problems.length} problem(s)\n- ` + problems.join("\n- "));
  process.exit(1);
}
console.log(`Kubernetes manifests: ${objects.length} objects in ${files.length} files checked against the API schemas and types;`
  + ` the Ingress routes all ${expected.length} public paths of the service`);
