// Drives one endpoint with autocannon: node bench-load.mjs <url> <query> <seconds> <connections>
import autocannon from 'autocannon';

const [url, query, seconds, connections] = process.argv.slice(2);
const result = await autocannon({
  url, method: 'POST', duration: Number(seconds), connections: Number(connections),
  headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
});
process.stdout.write(JSON.stringify({
  requestsPerSecond: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors,
}));
