// Checks the Kubernetes manifests beside this folder before they reach a cluster:
//  1. every object against the Kubernetes API's JSON schemas (kubernetes-models: types, formats, required fields);
//  2. strictly, against the API's TypeScript types (kubernetes-types, via tsc): an unknown or misspelt field fails;
//  3. the kustomization lists every manifest, and the Deployment, Service, PodDisruptionBudget and Secret fit together.
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

if (problems.length) {
  console.error(`Kubernetes manifests: ${problems.length} problem(s)\n- ` + problems.join("\n- "));
  process.exit(1);
}
console.log(`Kubernetes manifests: ${objects.length} objects in ${files.length} files checked against the API schemas and types`);
