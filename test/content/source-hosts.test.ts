import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectMessages, formatMessages } from '../../src/diagnostics/report.js';
import type { Project } from '../../src/project/load-project.js';
import { repoRoot } from '../helpers.js';
import { shippedProject } from './shipped-project.js';

/**
 * Hosts a city publication should not cite (#15): copies, reprints, marketing and generated text stand
 * between the reader and the law, report or article that states the fact. Cite the original instead
 * (the law or court record, the agency's page, the report's publisher, the newspaper), or, where the
 * fact cannot be traced, rewrite the sentence without it.
 */
const REFUSED: { kind: string; host: RegExp }[] = [
  {
    kind: 'document-sharing copy (cite the publisher of the report)',
    host: /(^|\.)(docplayer\.net|readkong\.com|docslib\.org|pdfslide\.(us|net)|slideplayer\.com|paperzz\.com|fdocuments\.(us|in)|documents\.pub|docstoc\.com|scribd\.com|vdocuments?\.(net|in|mx)|zbook\.org|dokumen\.tips|5y1\.org|lawsdocbox\.com|slidelegend\.com|docsity\.com)$/,
  },
  {
    kind: 'news aggregator or reprint site (cite the outlet that reported it)',
    host: /(^|\.)(newsbreak\.com|feedreader\.com|bignewsnetwork\.com|ru24\.net|newspapper\.biz\.id|peer2peernews\.com|qianxun\.me|worldtribunepak\.com|theafricanjournalonline\.com|einpresswire\.com|publicnow\.com|star-revue\.com|particle\.news|daily8\.com)$/,
  },
  {
    kind: 'personal blog or blog platform (cite the organization or outlet)',
    host: /(^|\.)(blogspot\.com|wordpress\.com|medium\.com|shadowproof\.com|blog\.aabany\.org|blog\.libertylutheran\.org|substack\.com)$/,
  },
  {
    kind: 'law-firm marketing or legal blog (cite the statute, rule, agency or court)',
    host: /(^|\.)(maplecrestlaw\.com|lawcommentary\.com|keker\.com|sacfirm\.com|vonglawgroup\.com|simakovskylaw\.com|santoslloydlaw\.com|srlawpa\.com|bretzlaw\.com|bonnaiglaw\.com|blimmigration\.com|fragomen\.com|us-immigration\.com|immlegal\.work|visaverge\.com|lawstack\.com|legalclarity\.org)$/,
  },
  {
    kind: 'generated summary, wiki or fact-check mill (cite what it summarizes)',
    host: /(^|\.)(citizenportal\.ai|citymeetings\.nyc|factually\.co|wikipedia\.org|wikimili\.com|emaxhealth\.com|searchworks\.jioinstitute\.edu\.in)$/,
  },
  { kind: 'forum repost (cite the original article)', host: /(^|\.)alipac\.us$/ },
  {
    kind: 'staging, preview or hosting address (cite the public address)',
    host: /(^|\.)(amazee\.io|azurewebsites\.net|ifsight\.net|wpengine\.com|opencities\.com)$|^(staging\d*|dev|beta|prelive|test)\.|digital-staging\./,
  },
];

/**
 * Citations still on a refused host, each waiting for its original to be found. The list may only
 * shrink: an entry no source uses any more fails the test, so remove it when you replace the citation.
 * Official channels of the publisher itself are allowed here too, with the reason.
 */
const KNOWN: Record<string, string> = {
  // Official accounts of the publisher on a blog platform (not a copy).
  'https://medium.com/@NYCImmigrants/expanding-language-access-at-city-agencies-455f5d22d65b':
    "MOIA's own account; cited in the New York language-access case study, which is being translated",
  'https://medium.com/resilient-cities-at-the-forefront/lead-for-change-a12bc8dc5d47': "100 Resilient Cities' own publication",
  'https://blog.libertylutheran.org/2014/10/major-grant-supports-mental-health-care-program-for-refugees/':
    "Liberty Lutheran's own news site announcing its own grant (the original, not a copy); no other source states the grant",
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return '';
  }
}

function refusedKind(url: string): string | undefined {
  const host = hostOf(url);
  return REFUSED.find((r) => r.host.test(host))?.kind;
}

describe('the sources the shipped guides cite (#15)', () => {
  let project: Project;
  let cited: { file: string; url: string }[];

  beforeAll(async () => {
    const loaded = await shippedProject();
    expect(formatMessages(collectMessages(loaded.files), repoRoot)).toBe('');
    project = loaded.project as Project;
    const rel = (p: string) => path.relative(repoRoot, p);
    const listed = [
      ...project.blueprints.flatMap((b) => b.config.sources.map((s) => ({ file: rel(b.file.path), url: s.url ?? '' }))),
      ...project.caseStudies.flatMap((c) => c.config.sources.map((s) => ({ file: rel(c.file.path), url: s.url ?? '' }))),
    ];
    // Addresses written in the text too: resource lists, footnotes, links.
    const texts = [...project.blueprints.flatMap((b) => b.sections.map((s) => s.file)), ...project.caseStudies.map((c) => c.file)];
    const inline = texts.flatMap((f) =>
      [...String(f.value).matchAll(/https?:\/\/[^\s)<>"'\]]+/g)].map((m) => ({
        file: rel(f.path),
        url: m[0].replace(/[.,;:]+$/, ''),
      })),
    );
    cited = [...listed, ...inline].filter((c) => c.url);
  });

  it('give every listed source a web address', () => {
    for (const b of project.blueprints) for (const s of b.config.sources) expect(s.url, `${b.id}: "${s.title}"`).toMatch(/^https?:\/\//);
    for (const c of project.caseStudies) for (const s of c.config.sources) expect(s.url, `${c.file.path}: "${s.title}"`).toMatch(/^https?:\/\//);
  });

  it('cite no copy, reprint, blog, law-firm post, generated summary or staging address', () => {
    const refused = cited
      .filter((c) => !(c.url in KNOWN))
      .map((c) => ({ ...c, kind: refusedKind(c.url) }))
      .filter((c) => c.kind)
      .map((c) => `${c.file}: ${c.url} — ${c.kind}`);
    expect(refused).toEqual([]);
  });

  it('keep the list of citations still to replace honest: each one is still cited, and still on a refused host or an official channel', () => {
    const used = new Set(cited.map((c) => c.url));
    const stale = Object.keys(KNOWN).filter((url) => !used.has(url));
    expect(stale, 'remove these from KNOWN: nothing cites them any more').toEqual([]);
    for (const url of Object.keys(KNOWN)) expect(refusedKind(url), `${url} is not on a refused host`).toBeTruthy();
  });

  it('recognize the hosts it refuses, and let primary and reputable ones through', () => {
    for (const url of [
      'https://docplayer.net/123-x.html',
      'https://www.newsbreak.com/news/1',
      'http://someone.blogspot.com/2007/07/x.html',
      'https://www.fragomen.com/insights/x.html',
      'https://www.citizenportal.ai/articles/1',
      'https://en.wikipedia.org/wiki/X',
      'https://staging5.calfund.org/x',
      'https://mayor.nginx.f2-main.balt01.us2.amazee.io/x',
    ])
      expect(refusedKind(url), url).toBeTruthy();
    for (const url of [
      'https://www.nyc.gov/site/immigrants/about/annual-report.page',
      'https://www.govinfo.gov/content/pkg/FR-2025-07-22/html/2025-13738.htm',
      'https://legistar.council.nyc.gov/LegislationDetail.aspx?ID=3022117',
      'https://www.latimes.com/california/story/2025-02-27/x',
      'https://www.uscis.gov/i-912',
      'https://nycourts.gov/Reporter/3dseries/2024/2024_00891.htm',
      'https://www.calfund.org/press-and-media/x',
    ])
      expect(refusedKind(url), url).toBeUndefined();
  });
});
