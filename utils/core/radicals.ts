/**
 * Radicals written where ideographs belong. Many PDFs (Chromium's own print to PDF among them) map
 * a glyph shared by a radical and an ideograph to the radical's code point: 一 comes out as ⼀
 * (Kangxi Radicals, U+2F00–U+2FDF) and 风 as ⻛ (CJK Radicals Supplement, U+2E80–U+2EFF). Kangxi
 * radicals decompose to their ideograph (NFKC); most of the supplement does not, and Unicode pairs
 * each with its ideograph in EquivalentUnifiedIdeograph.txt instead, whose BMP pairs are below.
 * The fold table (scripts/build/fold-table-builder.ts) matches through them; the PDF viewer's
 * readable text (pdf-text.ts) shows the ideographs.
 */

/** Radical and ideograph, two characters a pair (U+2E81–U+2EF3; ideographs outside the BMP left out). */
const SUPPLEMENT_EQUIVALENTS =
  '⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢 ⺒巳 ⺓幺 ⺔彑 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺛旡 ⺜日 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺢氺 ⺣灬 ⺤爫 ⺥爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺫目 ⺬示 ⺭礻 ⺯糹 ⺰纟 ⺱罓 ⺲罒 ⺳㓁 ⺴冗 ⺶羊 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺾艹 ⺿艹 ⻀艹 ⻁虎 ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長 ⻒镸 ⻓长 ⻔门 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻟飠 ⻠饣 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⻳龟';

const SUPPLEMENT = new Map(SUPPLEMENT_EQUIVALENTS.split(' ').map((pair) => [pair[0], pair[1]] as const));

const RADICAL = /[\u2e80-\u2fdf]/g;

/** The ideograph a radical stands for; any other character unchanged. */
export function ideographOfRadical(ch: string): string {
  return SUPPLEMENT.get(ch) ?? ch.normalize('NFKC');
}

/** `text` with every radical written as its ideograph (each is one code unit, as its ideograph is). */
export function withIdeographs(text: string): string {
  return text.replace(RADICAL, (ch) => {
    const ideograph = ideographOfRadical(ch);
    return ideograph.length === 1 ? ideograph : ch;
  });
}
