// Reads one message per line (plain text) and prints VADER's polarity scores as one JSON object per line,
// the same streaming shape as `rapport analyze --input FILE --json`. Used only for the side-by-side benchmark.
'use strict';
const fs = require('fs');
const readline = require('readline');
const vader = require('vader-sentiment');

const input = process.argv[2];
if (!input) {
  console.error('usage: node vader-analyze.js FILE');
  process.exit(2);
}

const out = [];
const flush = () => { if (out.length) { process.stdout.write(out.join('')); out.length = 0; } };
const rl = readline.createInterface({ input: fs.createReadStream(input, 'utf8'), crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line) return;
  out.push(JSON.stringify(vader.SentimentIntensityAnalyzer.polarity_scores(line)) + '\n');
  if (out.length >= 1024) flush();
});
rl.on('close', flush);
