/**
 * What the page's bundle gets for `node:module` (scripts/build-app.mjs aliases it here). The
 * shared table code (src/results/tables.ts) loads parquet-wasm through `createRequire` only when a
 * Parquet file is written; the page writes CSV, so this is never called in a browser. If it is,
 * it says so plainly instead of failing somewhere inside a bundle.
 */
export function createRequire(_from: string | URL): (id: string) => never {
  return (id: string) => {
    throw new Error(`scorelab app: '${id}' is not available in the browser (Parquet files are written by the command line only)`);
  };
}
