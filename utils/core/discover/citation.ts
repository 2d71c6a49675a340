/**
 * Whether a text cites a phrase as a formula where it occurs: in quotation marks (“两个维护”,
 * 「一國兩制」) unless introduced as a name (绰号“…”), or as the object of a verb of upholding and carrying out (坚持一国两制, 增强四个意识,
 * 贯彻新发展理念, 实现中华民族伟大复兴) — how official texts, and texts that quote them, use a formula.
 * A person or an office (习近平, 国务院副总理) is named, not cited: this is what tells the
 * Party-state's formulas from the other words its texts are full of.
 *
 * Works on folded text (「」『』‘’ are already “”), with the verbs folded the same way.
 *
 * Pure.
 */
import { foldText, type FoldTable } from '../fold';

/**
 * Verbs official texts govern formulas with. Not adverbs (全面, 始终): they come before these verbs,
 * not before the formula.
 */
const GOVERNING_VERBS = [
  '坚持',
  '贯彻',
  '落实',
  '践行',
  '推进',
  '推动',
  '树立',
  '增强',
  '做到',
  '实现',
  '维护',
  '坚决',
  '坚定',
  '牢固',
  '筑牢',
  '弘扬',
  '发扬',
  '深化',
  '加强',
  '坚守',
  '强化',
  '遵循',
  '体现',
  '提出',
  '提倡',
  '倡导',
  '按照',
  '围绕',
  '学习',
  '领会',
  '把握',
  '秉持',
  '秉承',
  '奉行',
  '构建',
  '牢记',
  '捍卫',
  '拥护',
  '传递',
  '讲好',
];

/**
 * Words that introduce a quotation as a name (绰号“格斗狂人”, 俗称“叠码仔”, 公众号“侠客岛”): what
 * they quote names someone or something, it is not a formula cited.
 */
const NAMING_WORDS = [
  '称为',
  '称作',
  '叫做',
  '名为',
  '名叫',
  '取名',
  '命名',
  '俗称',
  '俗称做',
  '号称',
  '绰号',
  '外号',
  '昵称',
  '网名',
  '人称',
  '署名',
  '账号',
  '帐号',
  '公众号',
  '自称',
  '化名',
  '笔名',
  '简称',
  '又称',
  '别称',
  '意思为',
  '意为',
  '译为',
];

/** Space, and opening marks between the verb and the formula (坚持“一国两制”). */
const BETWEEN = /[\s“"]+$/;

export interface Citation {
  /** The phrase at start…end stands between quotation marks, and is not introduced as a name. */
  quoted(folded: string, start: number, end: number): boolean;
  /** A governing verb stands right before the phrase at start (its quotation mark aside). */
  governed(folded: string, start: number): boolean;
  /** The folded form begins with a governing verb: 做到两个维护 is a verb and a formula. */
  beginsWithVerb(folded: string): boolean;
}

export function createCitation(fold: FoldTable): Citation {
  const verbs = GOVERNING_VERBS.map((verb) => foldText(verb, fold));
  const naming = NAMING_WORDS.map((word) => foldText(word, fold));
  const longest = Math.max(...verbs.map((v) => v.length), ...naming.map((n) => n.length));
  return {
    quoted(folded, start, end) {
      const before = folded[start - 1];
      const after = folded[end];
      if (!((before === '“' && after === '”') || (before === '"' && after === '"'))) return false;
      const lead = folded.slice(Math.max(0, start - 1 - longest), start - 1).trimEnd();
      return !naming.some((word) => lead.endsWith(word));
    },
    governed(folded, start) {
      const before = folded.slice(Math.max(0, start - longest - 2), start).replace(BETWEEN, '');
      return verbs.some((verb) => before.endsWith(verb));
    },
    beginsWithVerb: (folded) => verbs.some((verb) => folded.startsWith(verb)),
  };
}
