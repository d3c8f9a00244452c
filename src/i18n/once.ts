/**
 * A function of its arguments' text, answered once per argument list (#14): for what ICU makes or knows
 * about a language (a locale, a formatter, a segmenter, a language's name), 0.1–0.3 ms each, asked for
 * every document and passage of every build. The answers are few: one per language and argument.
 */
export function once<A extends string[], R>(fn: (...args: A) => R): (...args: A) => R {
  const answers = new Map<string, R>();
  return (...args: A) => {
    const key = args.join('\u0000');
    if (answers.has(key)) return answers.get(key) as R;
    const answer = fn(...args);
    answers.set(key, answer);
    return answer;
  };
}
