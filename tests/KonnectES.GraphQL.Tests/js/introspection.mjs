// Reads {schema, introspection} on stdin. Rebuilds a client schema from our introspection result with
// buildClientSchema, validates it, and prints {printed, reference, referenceIntrospection}.
import { buildSchema, buildClientSchema, assertValidSchema, printSchema, introspectionFromSchema } from 'graphql';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => resolve(text));
}));
const result = {};
if (input.introspection) {
  const client = buildClientSchema(input.introspection);
  assertValidSchema(client);
  result.printed = printSchema(client);
}
const reference = buildSchema(input.schema);
result.reference = printSchema(reference);
result.referenceIntrospection = introspectionFromSchema(reference, {
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true,
  inputValueDeprecation: true, oneOf: true,
});
process.stdout.write(JSON.stringify(result));
