#!/usr/bin/env node
/*
 * Compiles the TrialFHIR IG offline and packs it as an NPM package (.tgz).
 *
 *   node build/compile-ig.js <ig-dir> <target-dir>
 *
 * 1. Builds a build-local FHIR package cache holding hl7.fhir.r4.core#4.0.1. That package cannot be installed from
 *    npm, but hl7.fhir.r4.examples@4.0.1 (a devDependency) carries the full R4 definition set; its
 *    StructureDefinitions, ValueSets and CodeSystems are copied into
 *    <target>/fhir-packages/hl7.fhir.r4.core#4.0.1/package/.
 * 2. Runs SUSHI through its API against that cache only. The registry and build-server clients are replaced by
 *    stubs that refuse, so nothing is fetched from the network; SUSHI's automatic dependencies (tools, terminology,
 *    extensions packages) are not loaded.
 * 3. Fails (exit code 1) when SUSHI logged an error.
 * 4. Assembles <target>/npm-package/package/ (package.json, .index.json, the generated resources, the narrative
 *    pages under other/) and packs it, with fixed timestamps, into <target>/classes/org/trialfhir/ig/package.tgz.
 */
'use strict';

const path = require('path');
const fs = require('fs');

const MIN_NODE_MAJOR = 18;
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < MIN_NODE_MAJOR) {
  console.error(`[ig] Node.js >= ${MIN_NODE_MAJOR} is required to build the IG; found ${process.versions.node}.`);
  process.exit(1);
}

const igDir = path.resolve(process.argv[2] || '.');
const targetDir = path.resolve(process.argv[3] || path.join(igDir, 'target'));

const { fhirdefs, utils, sushiExport } = require('fsh-sushi');
const { loadPredefinedResources, IGExporter } = require('fsh-sushi/dist/ig');
const { DiskBasedPackageCache, InMemoryVirtualPackage } = require('fhir-package-loader');
const tar = require('tar');

const CORE_ID = 'hl7.fhir.r4.core';
const CORE_VERSION = '4.0.1';
/**
 * What SUSHI needs from R4 core: definitions of types, profiles, extensions and terminology. (R4's search parameters,
 * operation definitions and concept maps are not needed to compile FSH, and leaving them out saves a third of the
 * load time.) The examples package names its files <ResourceType>-<id>.json.
 */
const CORE_TYPES = ['StructureDefinition', 'ValueSet', 'CodeSystem'];
/** Fixed mtime of every tar entry, so the same sources give the same package bytes. */
const PACK_MTIME = new Date('2025-01-01T00:00:00Z');

function log(message) {
  console.log(`[ig] ${message}`);
}

/** Step 1: a FHIR package cache with R4 core definitions, made from the R4 examples package. */
function prepareCoreCache(cacheDir) {
  const pkgDir = path.join(cacheDir, `${CORE_ID}#${CORE_VERSION}`, 'package');
  const manifest = path.join(pkgDir, 'package.json');
  if (fs.existsSync(manifest)) {
    return;
  }
  const examplesDir = path.dirname(require.resolve('hl7.fhir.r4.examples/package.json'));
  fs.rmSync(path.dirname(pkgDir), { recursive: true, force: true });
  fs.mkdirSync(pkgDir, { recursive: true });
  let count = 0;
  for (const name of fs.readdirSync(examplesDir)) {
    if (name.endsWith('.json') && CORE_TYPES.includes(name.split('-')[0])) {
      fs.copyFileSync(path.join(examplesDir, name), path.join(pkgDir, name));
      count++;
    }
  }
  // written last: its presence marks a complete cache
  fs.writeFileSync(manifest, JSON.stringify({
    name: CORE_ID,
    version: CORE_VERSION,
    type: 'Core',
    fhirVersions: [CORE_VERSION],
    canonical: 'http://hl7.org/fhir',
    url: 'http://hl7.org/fhir/R4',
    title: `FHIR R4 core definitions (${CORE_TYPES.join(', ')}) rebuilt from hl7.fhir.r4.examples 4.0.1`,
    license: 'CC0-1.0',
    author: 'HL7 Inc'
  }, null, 2));
  log(`FHIR package cache: ${CORE_ID}#${CORE_VERSION} with ${count} definitions`);
}

function indexEntry(filename, resource) {
  const entry = { filename, resourceType: resource.resourceType, id: resource.id };
  for (const key of ['url', 'version', 'kind', 'type', 'supplements', 'content']) {
    if (resource[key] !== undefined && typeof resource[key] !== 'object') {
      entry[key] = resource[key];
    }
  }
  return entry;
}

/** Registry and build-server clients that never go to the network. */
const offline = {
  resolveVersion: async (name, version) => {
    if (/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) {
      return version;
    }
    throw new Error(`offline build: cannot resolve ${name}#${version} without a registry; pin a concrete version`);
  },
  download: async (name, version) => {
    throw new Error(`offline build: ${name}#${version} is not in the local FHIR package cache`);
  },
  getCurrentBuildDate: async () => undefined,
  downloadCurrentBuild: async (name) => {
    throw new Error(`offline build: no current build of ${name}`);
  }
};

/** Step 2 and 3: SUSHI. Returns the folder holding fsh-generated/resources. */
async function runSushi(cacheDir) {
  const outDir = path.join(targetDir, 'sushi');
  fs.rmSync(outDir, { recursive: true, force: true });
  const input = path.join(igDir, 'input', 'fsh');

  const config = utils.readConfig(igDir);
  const tank = utils.fillTank(utils.getRawFSHes(input), config);
  tank.checkDuplicateNameEntities();

  const defs = await fhirdefs.createFHIRDefinitions({
    packageCache: new DiskBasedPackageCache(cacheDir, { log: utils.logMessage }),
    registryClient: offline,
    currentBuildClient: offline
  });
  // R5 resource types that R4 IGs may use (what SUSHI adds before its automatic dependencies).
  const r5ForR4 = new Map(fhirdefs.R5_DEFINITIONS_NEEDED_IN_R4.map(def => [def.id, def]));
  await defs.loadVirtualPackage(new InMemoryVirtualPackage({ name: 'sushi-r5forR4', version: '1.0.0' }, r5ForR4,
    { log: utils.logMessage }));
  const deps = [{ packageId: CORE_ID, version: CORE_VERSION }, ...(config.dependencies || [])];
  for (const dep of deps) {
    const status = await defs.loadPackage(dep.packageId, dep.version);
    if (status !== 'LOADED') {
      utils.logger.error(`Dependency ${dep.packageId}#${dep.version} is not in the build-local FHIR package cache ` +
        `(${status}); the offline IG build cannot download it.`);
    }
  }
  await loadPredefinedResources(defs, path.join(igDir, 'input'), igDir, config.parameters);
  defs.optimize();

  const outPackage = sushiExport.exportFHIR(tank, defs);
  const { skippedResources } = utils.writeFHIRResources(outDir, outPackage, defs, false);
  utils.writeFSHIndex(outDir, outPackage, input, skippedResources);
  new IGExporter(outPackage, defs, igDir).export(outDir);

  const { numError, numWarn } = utils.stats;
  log(`SUSHI: ${outPackage.profiles.length} profiles, ${outPackage.extensions.length} extensions, ` +
    `${outPackage.codeSystems.length} code systems, ${outPackage.valueSets.length} value sets, ` +
    `${outPackage.instances.length} instances; ${numError} errors, ${numWarn} warnings`);
  if (numError > 0) {
    console.error(`[ig] SUSHI reported ${numError} error(s); see the log above.`);
    process.exit(1);
  }
  return path.join(outDir, 'fsh-generated', 'resources');
}

/** Step 4: the NPM package and its tgz. */
async function assemblePackage(resourcesDir) {
  const config = utils.readConfig(igDir);
  const root = path.join(targetDir, 'npm-package');
  const pkgDir = path.join(root, 'package');
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(pkgDir, 'other'), { recursive: true });

  const files = [];
  for (const name of fs.readdirSync(resourcesDir).sort()) {
    if (!name.endsWith('.json')) {
      continue;
    }
    const resource = JSON.parse(fs.readFileSync(path.join(resourcesDir, name), 'utf8'));
    fs.writeFileSync(path.join(pkgDir, name), JSON.stringify(resource, null, 2));
    files.push(indexEntry(name, resource));
  }
  const pagesDir = path.join(igDir, 'input', 'pagecontent');
  if (fs.existsSync(pagesDir)) {
    for (const name of fs.readdirSync(pagesDir).sort()) {
      fs.copyFileSync(path.join(pagesDir, name), path.join(pkgDir, 'other', name));
    }
  }
  const manifest = {
    name: config.packageId || config.id,
    version: config.version,
    description: config.description,
    canonical: config.canonical,
    url: config.canonical,
    title: config.title,
    fhirVersions: config.fhirVersion,
    type: 'fhir.ig',
    license: config.license,
    dependencies: Object.fromEntries([[CORE_ID, CORE_VERSION],
      ...(config.dependencies || []).map(dep => [dep.packageId, dep.version])])
  };
  fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(pkgDir, '.index.json'), JSON.stringify({ 'index-version': 1, files }, null, 1));

  const tgz = path.join(targetDir, 'classes', 'org', 'trialfhir', 'ig', 'package.tgz');
  fs.mkdirSync(path.dirname(tgz), { recursive: true });
  const entries = ['package/package.json', 'package/.index.json',
    ...files.map(f => `package/${f.filename}`),
    ...fs.readdirSync(path.join(pkgDir, 'other')).sort().map(n => `package/other/${n}`)];
  await tar.c({ gzip: { level: 9 }, file: tgz, cwd: root, portable: true, mtime: PACK_MTIME, noDirRecurse: true },
    entries);
  log(`packed ${files.length} resources into ${path.relative(targetDir, tgz)} (${fs.statSync(tgz).size} bytes)`);
}

(async () => {
  const started = Date.now();
  const cacheDir = path.join(targetDir, 'fhir-packages');
  prepareCoreCache(cacheDir);
  const resourcesDir = await runSushi(cacheDir);
  await assemblePackage(resourcesDir);
  log(`IG built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
})().catch(e => {
  console.error(`[ig] IG build failed: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
