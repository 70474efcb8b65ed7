// graphql-js executes the execution corpus: prints [{data, errorPaths}] for each case.
// Resolvers read same-named properties of a shared JSON graph; {"$error": "msg"} throws msg.
import { readFileSync } from 'node:fs';
import { buildSchema, graphql } from 'graphql';

const read = (name) => readFileSync(new URL(`../Corpus/${name}`, import.meta.url), 'utf8');
const schema = buildSchema(read('execution-schema.graphql'));
const data = JSON.parse(read('execution-data.json'));
const cases = JSON.parse(read('execution-cases.json'));

const fieldResolver = (source, _args, _ctx, info) => {
  const value = source?.[info.fieldName];
  if (value && typeof value === 'object' && '$error' in value) throw new Error(value.$error);
  return value;
};
const typeResolver = (value) => value.__typename;

const results = [];
for (const c of cases) {
  const r = await graphql({ schema, source: c.query, rootValue: data, variableValues: c.variables, fieldResolver, typeResolver });
  results.push({ data: r.data ?? null, errorPaths: (r.errors ?? []).map((e) => (e.path ?? []).join('.')).sort() });
}
process.stdout.write(JSON.stringify(results, null, 1) + '\n');
