import sax from 'sax';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealData } from '../../test-support/real-data';
import type { CompiledData } from '../../scripts/build/compile-data';
import { readTermBaseCsv, termBaseCsv, termBaseTbx, termRecord, type TermRecord } from './term-base';

let data: CompiledData;
let records: TermRecord[];
beforeAll(async () => {
  data = await loadRealData();
  records = data.glossary.entries.map(termRecord);
});

/** The elements of an XML document as a tree, read by a strict (well-formedness checking) parser. */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}
function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onopentag = (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  };
  parser.ontext = (text) => {
    stack.at(-1)!.text += text;
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.write(xml).close();
  return root.children[0];
}
const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
const child = (element: XmlElement, name: string) => childrenNamed(element, name)[0];

describe('the glossary as TBX', () => {
  it('is well-formed TBX-Basic with every entry, its id kept, and zh-Hans, zh-Hant and en sections', () => {
    const tbx = parseXml(termBaseTbx(records));
    expect(tbx.name).toBe('tbx');
    expect(tbx.attributes).toMatchObject({ type: 'TBX-Basic', style: 'dca', xmlns: 'urn:iso:std:iso:30042:ed-2', 'xml:lang': 'en' });
    expect(child(child(child(tbx, 'tbxHeader'), 'fileDesc'), 'titleStmt')).toBeDefined();
    const concepts = childrenNamed(child(child(tbx, 'text'), 'body'), 'conceptEntry');
    expect(concepts.map((c) => c.attributes.id)).toEqual(records.map((r) => r.id));
    for (const [i, concept] of concepts.entries()) {
      const sections = childrenNamed(concept, 'langSec');
      expect(sections.map((s) => s.attributes['xml:lang'])).toEqual(['zh-Hans', 'zh-Hant', 'en']);
      const [hans, hant, en] = sections;
      expect(child(child(hans, 'termSec'), 'term').text).toBe(records[i].zhHans);
      expect(child(child(hant, 'termSec'), 'term').text).toBe(records[i].zhHant);
      expect(child(en, 'descrip').attributes.type).toBe('definition');
      expect(child(en, 'descrip').text).toBe(records[i].definitionEn);
      // Each rendering is an English term, its source in a note.
      const terms = childrenNamed(en, 'termSec');
      expect(terms.map((t) => child(t, 'term').text)).toEqual(records[i].renderings.map((r) => r.text));
      for (const [j, t] of terms.entries()) expect(child(t, 'note').text).toContain(records[i].renderings[j].source.publisher);
    }
  });

  it('escapes what XML would read as markup', () => {
    const hostile: TermRecord = { ...records[0], id: 'x', definitionEn: 'a < b & "c" \'d\' </descrip>' };
    const tbx = parseXml(termBaseTbx([hostile]));
    const en = childrenNamed(child(child(child(tbx, 'text'), 'body'), 'conceptEntry'), 'langSec')[2];
    expect(child(en, 'descrip').text).toBe(hostile.definitionEn);
  });
});

describe('the glossary as CSV', () => {
  it('starts with the common term-list columns and reads back with nothing lost', () => {
    const csv = termBaseCsv(records);
    expect(csv.slice(1).split('\r\n')[0].startsWith('source_term,target_term,note,id,')).toBe(true);
    expect(readTermBaseCsv(csv)).toEqual(records);
  });

  it('keeps a cell that starts like a formula text, and still reads it back as it was', () => {
    const odd: TermRecord = {
      ...records[0],
      id: 'odd',
      definitionEn: '=HYPERLINK("x"), "quoted"\nnext line',
      note: '-1',
      renderings: [
        {
          text: 'the Eight Rules',
          kind: 'official',
          source: { publisher: 'Foreign Languages Press', title: 'Xi Jinping: The Governance of China', year: 2014, locator: 'p. 419' },
        },
        {
          text: 'eight-point rules',
          kind: 'state-media',
          source: { publisher: 'China Daily', title: 'Rules, "austerity"', year: null, locator: 'http://x.org/a,b' },
        },
      ],
    };
    const csv = termBaseCsv([odd]);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    expect(readTermBaseCsv(csv)).toEqual([odd]);
  });
});
