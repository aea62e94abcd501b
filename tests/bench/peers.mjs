// The benchmark's peers, timed in-process on the texts prepost-bench
// wrote: npm's obscenity (what an extension-only tool would run; profanity
// only) and bad-words. Prints one JSON object.
//   node tests/bench/peers.mjs DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { Filter } from 'bad-words';

const dir = process.argv[2];
const texts = {
  tweet: readFileSync(join(dir, 'tweet.txt'), 'utf8'),
  facebook: readFileSync(join(dir, 'facebook.txt'), 'utf8'),
  mb: readFileSync(join(dir, 'mb.txt'), 'utf8'),
};
const iterations = { tweet: 20000, facebook: 5000, mb: 10 };

const obscenity = new RegExpMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
});
const badWords = new Filter();

const peers = {
  // spans are what an extension needs to underline, so all matches
  obscenity: (t) => obscenity.getAllMatches(t).length,
  'bad-words': (t) => (badWords.isProfane(t) ? 1 : 0),
};

function time(fn, text, n, budgetMs) {
  for (let i = 0; i < Math.min(100, n); i++) fn(text); // warm up the JIT
  const ns = [];
  const stop = process.hrtime.bigint() + BigInt(budgetMs) * 1000000n;
  for (let i = 0; i < n; i++) {
    const a = process.hrtime.bigint();
    fn(text);
    const b = process.hrtime.bigint();
    ns.push(Number(b - a));
    if (b > stop) break;
  }
  ns.sort((x, y) => x - y);
  return {
    runs: ns.length,
    median_ns: ns[Math.floor(ns.length / 2)],
    p99_ns: ns[Math.min(ns.length - 1, Math.floor(ns.length * 0.99))],
  };
}

const out = {};
for (const [name, fn] of Object.entries(peers)) {
  out[name] = {};
  for (const [size, text] of Object.entries(texts))
    out[name][size] = time(fn, text, iterations[size], size === 'mb' ? 20000 : 10000);
}
console.log(JSON.stringify(out));
