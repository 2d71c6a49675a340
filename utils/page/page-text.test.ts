import { describe, expect, it } from 'vitest';
import { blockScopeOf, collectBlocks, isInsideSkipped, nodeAt } from './page-text';

function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html; // test fixture markup, not page or glossary text
  document.body.replaceChildren(div);
  return div;
}

describe('collectBlocks', () => {
  it('joins inline elements into one block and splits at blocks and <br>', () => {
    const root = dom('<p>打通<b>最后</b><i>一公</i>里</p><p>第二段</p><div>上有政策<br>下有对策<span>。</span></div>尾');
    expect(collectBlocks(root).map((b) => b.text)).toEqual(['打通最后一公里', '第二段', '上有政策', '下有对策。', '尾']);
  });

  it('skips scripts, styles, form fields, editable regions, templates and ruby annotations', () => {
    const root = dom(
      '<p>甲<script>var a = "乙";</script><style>.x{}</style><textarea>丙</textarea><input value="丁"><select><option>戊</option></select>己</p>' +
        '<div contenteditable="true">庚</div><div contenteditable="false">辛</div><template><p>壬</p></template><ruby>癸<rt>guǐ</rt></ruby>',
    );
    expect(collectBlocks(root).map((b) => b.text)).toEqual(['甲己', '辛', '癸']);
  });

  it('leaves out what the caller says is its own UI', () => {
    const root = dom('<p>甲<span data-own>乙</span>丙</p>');
    expect(collectBlocks(root, { skip: (e) => e.hasAttribute('data-own') }).map((b) => b.text)).toEqual(['甲丙']);
  });

  it('reads open shadow roots as blocks of their own when asked', () => {
    const root = dom('<p>甲</p><div id="host"></div>');
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.append(document.createTextNode('影子里'));
    expect(collectBlocks(root, { shadowRoots: true }).map((b) => b.text)).toEqual(['甲', '影子里']);
    expect(collectBlocks(root).map((b) => b.text)).toEqual(['甲']);
  });

  it('names the block element that holds each block', async () => {
    const root = dom('<article><p id="a">甲<b>乙</b></p>尾<div id="d"><p id="b">丙</p></div></article>');
    const { iterateBlocks } = await import('./page-text');
    const owners = [...iterateBlocks(root)].map((b) => (b.owner as Element).id || (b.owner as Element).localName);
    expect(owners).toEqual(['a', 'article', 'b']);
  });

  it('maps block offsets back to text nodes', () => {
    const [block] = collectBlocks(dom('<p>打通<b>最后</b>一公里</p>'));
    expect(nodeAt(block, 2, 'start')).toMatchObject({ node: block.nodes[1], offset: 0, index: 1 });
    // An end offset on a node boundary belongs to the earlier node.
    expect(nodeAt(block, 4, 'end')).toMatchObject({ node: block.nodes[1], offset: 2, index: 1 });
    expect(nodeAt(block, 7, 'end')).toMatchObject({ node: block.nodes[2], offset: 3, index: 2 });
  });
});

describe('scopes', () => {
  it('finds the block that holds a node and whether it lies in a skipped region', () => {
    const root = dom('<p id="p">甲<b id="b">乙</b></p><div contenteditable="true"><span id="e">丙</span></div>');
    expect(blockScopeOf(root.querySelector('#b')!.firstChild!)).toBe(root.querySelector('#p'));
    expect(isInsideSkipped(root.querySelector('#e')!.firstChild!)).toBe(true);
    expect(isInsideSkipped(root.querySelector('#b')!.firstChild!)).toBe(false);
  });
});
