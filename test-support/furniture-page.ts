/**
 * A policy-news page with real-world furniture: navigation, a sidebar and comments and a footer
 * that carry glossary phrases themselves. Only the article's phrases belong to the article.
 */
export const ARTICLE_PHRASES = ['最后一公里', '上有政策、下有对策', '民主集中制', '八项规定'];
export const FURNITURE_PHRASES = ['三严三实', '打铁还需自身硬', '门难进、脸难看、事难办', '群众路线'];

const paragraph = (i: number) =>
  `<p>第${i}段。记者在基层采访时看到，不少地方正在解决服务群众的“最后一公里”问题。干部们说，过去有的单位上有政策、下有对策，` +
  `如今坚持民主集中制，认真落实八项规定，办事效率明显提高，群众满意度也随之上升。</p>`;

export const FURNITURE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>基层治理观察：打通服务群众最后一公里 - 示例新闻网</title>
<meta name="author" content="示例记者"><meta property="og:site_name" content="示例新闻网">
<meta property="article:published_time" content="2026-11-20T08:00:00+08:00">
</head><body>
<header><nav class="menu"><a href="/">首页</a> <a href="/a">三严三实专题</a> <a href="/b">打铁还需自身硬</a></nav></header>
<div class="layout">
<aside class="sidebar"><h3>热门</h3><ul><li><a href="/c">门难进、脸难看、事难办现象调查</a></li><li><a href="/d">群众路线专栏</a></li></ul></aside>
<article class="content"><h1>基层治理观察：打通服务群众最后一公里</h1><p class="byline">示例记者</p>
${[1, 2, 3, 4, 5, 6].map(paragraph).join('\n')}
</article>
<section class="comments"><h3>网友评论</h3><div class="comment">评论：三严三实要落到实处。</div><div class="comment">打铁还需自身硬！</div></section>
</div>
<footer>关于我们 · 群众路线 · 版权所有</footer>
</body></html>`;
