// axe-core, the accessibility rules engine, run inside a page for WCAG 2.1 level A and AA.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const AXE_VERSION = require('axe-core/package.json').version;
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The violations on the page that is open: [{ id, impact, help, helpUrl, targets, count }].
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      count: v.nodes.length,
      targets: v.nodes.map((node) => node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ')),
    }));
  }, WCAG_TAGS);
  return violations;
}

// One line per violation: page, rule, impact, help, and the first three elements.
export function formatViolation(pagePath, v) {
  const shown = v.targets.slice(0, 3).join(' | ');
  const more = v.count > 3 ? ` (+${v.count - 3} more)` : '';
  return `${pagePath}: ${v.id} [${v.impact}] ${v.help} — ${shown}${more}`;
}
