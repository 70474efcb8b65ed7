// graphql-js print(parse(doc)) for every document of the corpus that parses and holds only executable
// definitions without descriptions or block strings: prints [{index, printed}].
import { readFileSync } from 'node:fs';
import { parse, print } from 'graphql';

const docs = JSON.parse(readFileSync(new URL('../Corpus/corpus.json', import.meta.url), 'utf8'));
const out = [];
docs.forEach((doc, index) => {
  let document;
  try { document = parse(doc); } catch { return; }
  const plain = document.definitions.every((d) => (d.kind === 'OperationDefinition' || d.kind === 'FragmentDefinition') && !d.description
    && (d.variableDefinitions ?? []).every((v) => !v.description));
  if (!plain || doc.includes('"""')) return;
  out.push({ index, printed: print(document) });
});
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
