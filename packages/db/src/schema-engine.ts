import { readFile } from 'node:fs/promises';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

let initialised: Promise<void> | undefined;

// Node has WebAssembly, but @types/node does not declare it without the DOM library.
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: {
      compile(bytes: Uint8Array): Promise<object>;
      instantiate(module: object, imports: object): Promise<{ exports: object }>;
    };
  }
).WebAssembly;

/**
 * Instantiates Prisma's schema engine compiled to WebAssembly. The package expects a bundler
 * (or `--experimental-wasm-modules`) to import its `.wasm`; loading it by hand keeps plain
 * Node 20 and tsx working without flags. This is what lets migrations run on machines that
 * cannot download Prisma's native schema engine.
 */
function initialise(): Promise<void> {
  initialised ??= (async () => {
    const bindingsUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = new URL('schema_engine_bg.wasm', bindingsUrl);
    const module = await wasmRuntime.compile(await readFile(wasmPath));
    const instance = await wasmRuntime.instantiate(module, { './schema_engine_bg.js': bindings });
    const exports = instance.exports as { __wbindgen_start: () => void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();

  return initialised;
}

export async function openSchemaEngine(
  schema: { path: string; content: string },
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  await initialise();

  return bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
