// graphql-js executing the benchmark queries in-process: node bench-inprocess.mjs <seconds>
import { parse, validate, execute } from 'graphql';
import { schema, rootValue, contextValue, flatQuery, nestedQuery } from './bench-data.mjs';

const seconds = Number(process.argv[2] ?? 3);
const results = {};
for (const [name, query] of [['flat', flatQuery], ['nested', nestedQuery]]) {
  // Like a server with a document cache: parse and validate once, execute per operation.
  const document = parse(query);
  if (validate(schema, document).length) throw new Error('invalid ' + name);
  const run = async () => {
    const r = await execute({ schema, document, rootValue, contextValue: contextValue() });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return JSON.stringify(r);
  };
  const warm = Date.now();
  while (Date.now() - warm < 1000) await run();
  let ops = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < end) { await run(); ops++; }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  results[name] = ops / elapsed;
}
process.stdout.write(JSON.stringify(results));
