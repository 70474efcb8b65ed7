// Writes ../Corpus/corpus.json (documents) and ../Corpus/golden.json (graphql-js verdicts).
// Hand-written edge cases plus deterministic mutations of the valid ones.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const handWritten = [
  // valid
  '{ dog { name } }',
  'query Q { dog { name nickname barkVolume } }',
  '{ dog { ...F } } fragment F on Dog { name }',
  '{ pet { ... on Dog { barks } ... on Cat { meows } } }',
  '{ catOrDog { __typename ... on Cat { meowVolume } } }',
  'query ($x: Int) { complicatedArgs { intArgField(intArg: $x) } }',
  'query ($x: Int = 3) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } }',
  'query ($x: Int!) { complicatedArgs { intArgField(intArg: $x) } }',
  '{ complicatedArgs { complexArgField(complexArg: {requiredField: true}) } }',
  '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, stringListField: "one"}) } }',
  '{ complicatedArgs { oneOfArgField(oneOfArg: {intField: 1}) } }',
  'query ($s: String!) { complicatedArgs { oneOfArgField(oneOfArg: {stringField: $s}) } }',
  '{ complicatedArgs { enumArgField(enumArg: BROWN) floatArgField(floatArg: 1) idArgField(idArg: 1) } }',
  '{ complicatedArgs { stringListArgField(stringListArg: ["a", null]) } }',
  '{ complicatedArgs { multipleOptAndReq(req1: 1, req2: 2) } }',
  '{ complicatedArgs { nonNullFieldWithDefault } }',
  '{ complicatedArgs { timestampArgField(when: "2024-01-01") } }',
  '{ dog { name @include(if: true) name @skip(if: false) } }',
  '{ dog { name @onField @onField } }',
  'query @onQuery { dog { name } }',
  'query ($v: Int @onVariable) { complicatedArgs { intArgField(intArg: $v) } }',
  'mutation { addDog(name: "Rex") { name } }',
  'subscription { dogBarked { name } }',
  'subscription S { ...Sub } fragment Sub on SubscriptionRoot { catMeowed { name } }',
  '{ dog { doesKnowCommand(dogCommand: SIT) isHouseTrained } }',
  '{ __typename __schema { queryType { name } } __type(name: "Dog") { name fields { name } } }',
  '{ dog { a: name b: nickname } }',
  '{ dog { name: nickname } cat { name } }',
  '{ dog { ... on Dog { name } ... { nickname } } }',
  '{ human { pets { name } relatives { iq } } }',
  '{ dogOrHuman { ... on Being { name } } }',
  'query A { dog { name } } query B { cat { name } }',
  '{ pet { ... on Canine { barkVolume } } }',
  '{ dog { ...DogFields mother { ...DogFields } } } fragment DogFields on Dog { name barks }',
  '"""desc""" type X { a: Int }',
  '{ complicatedArgs { stringArgField(stringArg: """block\n  string""") } }',
  '{ complicatedArgs { stringArgField(stringArg: "\\u{1F600} \\uD83D\\uDE00") } }',
  '{ complicatedArgs { floatArgField(floatArg: -1.5e10) intArgField(intArg: -0) } }',
  '# comment\n{ dog { name } , }',
  '\ufeff{ dog { name } }',
  // invalid: executable definitions
  'type Foo { a: Int } { dog { name } }',
  'extend type Dog { x: Int } { dog { name } }',
  // operation names / anonymous
  'query A { dog { name } } query A { cat { name } }',
  '{ dog { name } } query B { cat { name } }',
  '{ dog { name } } { cat { name } }',
  // subscriptions
  'subscription { dogBarked { name } catMeowed { name } }',
  'subscription { __typename }',
  'subscription S { ...F } fragment F on SubscriptionRoot { dogBarked { name } catMeowed { name } }',
  // fields
  '{ dog { meows } }',
  '{ catOrDog { name } }',
  '{ unknown }',
  '{ dog { name { x } } }',
  '{ dog }',
  '{ human { pets } }',
  // fragments
  '{ dog { ...F } } fragment F on Int { name }',
  '{ dog { ... on Boolean { name } } }',
  '{ dog { ...F } } fragment F on Unknown { name }',
  '{ dog { ...Missing } }',
  '{ dog { name } } fragment F on Dog { name }',
  '{ dog { ...F } } fragment F on Cat { meows }',
  '{ dog { ... on Cat { meows } } }',
  '{ dog { ...F } } fragment F on Dog { ...G } fragment G on Dog { ...F }',
  '{ dog { ...F } } fragment F on Dog { name ...F }',
  '{ dog { ...F } } fragment F on Dog { name } fragment F on Dog { barks }',
  '{ catOrDog { ...H } } fragment H on Human { iq }',
  '{ pet { ... on Alien { numEyes } } }',
  // variables
  'query ($a: Int, $a: Int) { complicatedArgs { intArgField(intArg: $a) } }',
  'query ($d: Dog) { dog { name } }',
  'query ($c: CatOrDog) { dog { name } }',
  '{ complicatedArgs { intArgField(intArg: $undefined) } }',
  'query ($unused: Int) { dog { name } }',
  'query A { dog { ...F } } fragment F on Dog { isAtLocation(x: $x) }',
  'query ($x: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } }',
  'query ($x: String) { complicatedArgs { intArgField(intArg: $x) } }',
  'query ($x: [String]) { complicatedArgs { stringListNonNullArgField(stringListNonNullArg: $x) } }',
  'query ($x: Boolean) { dog { name @include(if: $x) } }',
  'query ($x: Boolean = true) { dog { name @include(if: $x) } }',
  'query ($x: Int = null) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } }',
  'query ($x: Unknown) { dog { name } }',
  'query ($x: Int = "str") { complicatedArgs { intArgField(intArg: $x) } }',
  'query ($s: String) { complicatedArgs { oneOfArgField(oneOfArg: {stringField: $s}) } }',
  // directives
  '{ dog { name @unknown } }',
  '{ dog @onQuery { name } }',
  'query @onField { dog { name } }',
  '{ dog { name @skip(if: true) @skip(if: false) } }',
  '{ dog { name @include } }',
  '{ dog { name @skip(if: true, unless: false) } }',
  // arguments
  '{ dog { name(unknown: true) } }',
  '{ dog { isAtLocation(x: 1, x: 2) } }',
  '{ complicatedArgs { multipleReqs(req1: 1) } }',
  '{ complicatedArgs { nonNullIntArgField } }',
  '{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }',
  // values
  '{ complicatedArgs { intArgField(intArg: "3") } }',
  '{ complicatedArgs { intArgField(intArg: 3.5) } }',
  '{ complicatedArgs { intArgField(intArg: 2147483648) } }',
  '{ complicatedArgs { stringArgField(stringArg: 1) } }',
  '{ complicatedArgs { booleanArgField(booleanArg: "true") } }',
  '{ complicatedArgs { enumArgField(enumArg: "BROWN") } }',
  '{ complicatedArgs { enumArgField(enumArg: PURPLE) } }',
  '{ complicatedArgs { idArgField(idArg: 1.5) } }',
  '{ complicatedArgs { floatArgField(floatArg: true) } }',
  '{ complicatedArgs { complexArgField(complexArg: {intField: 1}) } }',
  '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, unknownField: 1}) } }',
  '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, requiredField: false}) } }',
  '{ complicatedArgs { complexArgField(complexArg: {requiredField: null}) } }',
  '{ complicatedArgs { complexArgField(complexArg: [1]) } }',
  '{ complicatedArgs { stringListArgField(stringListArg: [1, 2]) } }',
  '{ complicatedArgs { stringListNonNullArgField(stringListNonNullArg: ["a", null]) } }',
  '{ complicatedArgs { oneOfArgField(oneOfArg: {intField: 1, stringField: "a"}) } }',
  '{ complicatedArgs { oneOfArgField(oneOfArg: {intField: null}) } }',
  '{ complicatedArgs { oneOfArgField(oneOfArg: {}) } }',
  '{ complicatedArgs { intArgField(intArg: {a: 1}) } }',
  // overlapping fields
  '{ dog { name: nickname name } }',
  '{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) } }',
  '{ dog { x: name x: barks } }',
  '{ dog { mother { name } mother { name: nickname } } }',
  '{ catOrDog { ... on Cat { x: meowVolume } ... on Dog { x: barks } } }',
  '{ catOrDog { ... on Cat { x: meowVolume } ... on Dog { x: barkVolume } } }',
  '{ pet { ... on Cat { x: name } ... on Dog { x: nickname } } }',
  '{ dog { ...A ...B } } fragment A on Dog { x: name } fragment B on Dog { x: barks }',
  '{ dog { x: name ...B } } fragment B on Dog { x: nickname }',
  '{ dog { name } dog { nickname } }',
  '{ dog { mother { name } } dog { mother { x: name name: barks } } }',
  // introspection depth
  '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
  '{ __type(name: "Dog") { fields { type { interfaces { name } } } } }',
  // operation types
  'mutation { __typename }',
  // syntax errors
  '{',
  '{ dog { name }',
  '{ dog { name } } }',
  'query { dog(name: ) { name } }',
  '{ dog { ...on } }',
  '{ dog { name(x: $) } }',
  'query ($x: Int = $y) { dog { name } }',
  '{ complicatedArgs { intArgField(intArg: 123abc) } }',
  '{ complicatedArgs { intArgField(intArg: 00) } }',
  '{ complicatedArgs { floatArgField(floatArg: 1.) } }',
  '{ complicatedArgs { floatArgField(floatArg: .5) } }',
  '{ complicatedArgs { floatArgField(floatArg: 1e) } }',
  '{ complicatedArgs { stringArgField(stringArg: "unterminated) } }',
  '{ complicatedArgs { stringArgField(stringArg: "bad \\x escape") } }',
  '{ complicatedArgs { stringArgField(stringArg: "\\uDEAD") } }',
  '{ complicatedArgs { stringArgField(stringArg: "\\u{110000}") } }',
  '{ complicatedArgs { stringArgField(stringArg: "line\nbreak") } }',
  '{ dog { name } } fragment on on Dog { name }',
  'fragment F($a: Int) on Dog { name } { dog { ...F } }',
  'query Q($a: Int) @ { dog { name } }',
  '{ dog { ... { name } ... } }',
  'query { dog { name } } extend',
  '"desc" query { dog { name } }',
  'type T { a: Int }\n"desc"',
  '{ dog { name } } ?',
  '{ dog { name \u0007 } }',
  '{ dog { na.me } }',
  '{ dog { name } } enum E { true }',
  'directive @d on NOWHERE',
  'query { ...F @include(if: true }',
  '{ }',
  '',
  '   # only a comment',
  '{ complicatedArgs { stringArgField(stringArg: """unterminated) } }',
  'subscription',
  '{ a: b: c }',
  '{ dog { name(surname: true, ) } }',
];

const syntaxPieces = /\.\.\.|"""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_]\w*|[!$&()\[\]{}:=@|]|\$/g;

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

function mutate(doc, random) {
  const tokens = doc.match(syntaxPieces) ?? [];
  if (tokens.length === 0) return null;
  const i = Math.floor(random() * tokens.length);
  const kind = Math.floor(random() * 7);
  const t = tokens.slice();
  switch (kind) {
    case 0: t.splice(i, 1); break; // drop a token
    case 1: t.splice(i, 0, t[i]); break; // duplicate a token
    case 2: if (/^[A-Za-z_]/.test(t[i])) t[i] = t[i] + 'x'; else return null; break; // rename
    case 3: if (/^[A-Za-z_]/.test(t[i])) t.splice(i + 1, 0, '{', 'name', '}'); else return null; break; // add a selection
    case 4: if (/^-?\d/.test(t[i])) t[i] = '"' + t[i] + '"'; else if (/^"/.test(t[i])) t[i] = '1'; else return null; break; // swap a value type
    case 5: if (t[i] === '}') t.splice(i, 0, 'mother', ':', 'name'); else return null; break; // alias conflict
    case 6: if (/^[A-Za-z_]/.test(t[i]) && t[i + 1] !== ':') t.splice(i + 1, 0, '@skip(if: $v)'); else return null; break; // undefined variable
  }
  return t.join(' ');
}

const schemaText = readFileSync(new URL('../Corpus/schema.graphql', import.meta.url), 'utf8');
const verdictsOf = (docs) => JSON.parse(execFileSync('node', [new URL('./oracle.mjs', import.meta.url).pathname], {
  input: JSON.stringify({ schema: schemaText, docs }), maxBuffer: 64 * 1024 * 1024,
}).toString());

const handVerdicts = verdictsOf(handWritten);
const valid = handWritten.filter((_, i) => handVerdicts[i].parse && handVerdicts[i].valid);
const random = rng(20260421);
const generated = new Set();
while (generated.size < 260) {
  const base = valid[Math.floor(random() * valid.length)];
  const m = mutate(base, random);
  if (m && !handWritten.includes(m)) generated.add(m);
}

const docs = [...handWritten, ...generated];
writeFileSync(new URL('../Corpus/corpus.json', import.meta.url), JSON.stringify(docs, null, 1) + '\n');
writeFileSync(new URL('../Corpus/golden.json', import.meta.url), JSON.stringify(verdictsOf(docs), null, 1) + '\n');
console.log(`${docs.length} documents`);
