// The graphql-js reference server: graphql-http's handler on node:http. node bench-server.mjs <port>
import http from 'node:http';
import { createHandler } from 'graphql-http/lib/use/http';
import { schema, rootValue, contextValue } from './bench-data.mjs';

const handler = createHandler({ schema, rootValue, context: () => contextValue() });
const server = http.createServer((req, res) => handler(req, res));
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => console.log(String(server.address().port)));
