// Writes a long script (chapters × segments, four roles, short varied lines) for the long-book e2e.
// No fixed phrases from the sample files: the text is made from a small word list and the numbers.
const WORDS = ['river', 'lantern', 'quiet', 'morning', 'stone', 'harbour', 'letter', 'window', 'garden', 'storm', 'bridge', 'candle'];
const ROLES = ['Narrator', 'Mira', 'Old Tomas', 'The Captain'];

export function longBook(chapters = 8, perChapter = 50, title = 'A Long Test Voyage') {
  const out = [`# ${title}`, ''];
  let n = 0;
  for (let c = 1; c <= chapters; c++) {
    out.push(`## Chapter ${c}: The ${WORDS[c % WORDS.length]} and the ${WORDS[(c * 5) % WORDS.length]}`, '');
    for (let s = 0; s < perChapter; s++, n++) {
      const role = ROLES[(n * 7 + c) % ROLES.length];
      const w = (k) => WORDS[(n * 3 + k * 5 + c) % WORDS.length];
      out.push(`**${role}:** Line ${n + 1}: the ${w(0)} by the ${w(1)} was ${w(2)}.`, '');
    }
  }
  return out.join('\n');
}
