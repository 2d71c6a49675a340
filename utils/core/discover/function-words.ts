/**
 * Function words and particles: a formula neither begins nor ends on one. A sequence that does
 * (习近平总书记关于, 的领导核心, 党的十九届) is a piece of a sentence around a formula, however often
 * it recurs.
 *
 * Pure.
 */

/**
 * Single characters that never end a formula: particles and the like. Only those that end no word
 * either (和 ends 碳中和, 向 ends 导向, 与 ends 参与: they are not here).
 */
const NOT_LAST = '的了之个届而又且也吗呢吧啊被把';
/** Single characters that never begin one (与 begins 与时俱进, 又 begins 又好又快). */
const NOT_FIRST = '的也都而且吗呢吧啊其';
/** Words of two characters that neither begin nor end one. */
const WORDS = [
  '关于',
  '对于',
  '以及',
  '并且',
  '而且',
  '通过',
  '按照',
  '根据',
  '为了',
  '由于',
  '因为',
  '所以',
  '但是',
  '如果',
  '还是',
  '就是',
  '不是',
];

export function isFramedByFunctionWords(form: string): boolean {
  const first = form[0];
  const last = form[form.length - 1];
  if (NOT_FIRST.includes(first) || NOT_LAST.includes(last)) return true;
  return WORDS.some((word) => form.startsWith(word) || form.endsWith(word));
}
