/**
 * The API reference (`npm run docs`, TypeDoc from src/index.ts) documents every public export:
 * each name exported by src/index.ts — after following re-exports to the declaration — carries a
 * doc comment (`/** … *\/`). Read with the TypeScript compiler API, without running TypeDoc (slow).
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

function undocumented(): string[] {
  const entry = join(ROOT, 'src/index.ts');
  const program = ts.createProgram([entry], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const mod = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const missing: string[] = [];
  for (const exp of checker.getExportsOfModule(mod)) {
    const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const decls = sym.getDeclarations() ?? [];
    if (decls.some((d) => ts.isSourceFile(d))) {
      // a namespace export (`export * as graphs`): the module's header comment documents it
      const sf = decls.find((d) => ts.isSourceFile(d)) as ts.SourceFile;
      if (!/^\s*\/\*\*/.test(sf.text)) missing.push(exp.name);
      continue;
    }
    const doc = ts.displayPartsToString(sym.getDocumentationComment(checker)).trim();
    const tagged = decls.some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
    if (!doc && !tagged) missing.push(exp.name);
  }
  return missing.sort();
}

describe('the API reference', () => {
  it('every export of src/index.ts has a doc comment', { timeout: 120_000 }, () => {
    expect(undocumented()).toEqual([]);
  });
});
