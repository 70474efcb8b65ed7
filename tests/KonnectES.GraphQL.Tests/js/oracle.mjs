// graphql-js 16 as an oracle: reads {schema, docs[]} on stdin, prints one verdict per document.
// Verdict: {parse: true|false, line?, column?, valid?}. graphql-js 16 has no Operation Type Existence rule
// (17 adds KnownOperationTypesRule), so an operation whose root type is missing counts as invalid here too.
import { buildSchema, parse, validate, GraphQLError } from 'graphql';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => resolve(text));
}));

const schema = buildSchema(input.schema);
const verdicts = input.docs.map((doc) => {
  let document;
  try {
    document = parse(doc, { maxTokens: 15000 });
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    const loc = e.locations?.[0] ?? { line: 0, column: 0 };
    return { parse: false, line: loc.line, column: loc.column };
  }
  let errors = validate(schema, document);
  if (errors.length === 0) {
    for (const def of document.definitions) {
      if (def.kind === 'OperationDefinition' && !schema.getRootType(def.operation)) {
        errors = [new Error('operation type not supported')];
      }
    }
  }
  return { parse: true, valid: errors.length === 0 };
});
process.stdout.write(JSON.stringify(verdicts));
