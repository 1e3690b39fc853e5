// A local inlang plugin for flat `{ "key": "Text with {name}" }` message files. The published
// message-format plugin is loaded from a CDN, which the build machines cannot reach; this one
// covers the subset the storefront uses: plain text and `{variable}` placeholders.
// The SDK imports the file as a data: URL, so it must not import anything itself.

const key = 'plugin.wholesale.jsonMessages';
const placeholder = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function parsePattern(text) {
  const pattern = [];
  const names = [];
  let last = 0;
  for (const match of text.matchAll(placeholder)) {
    if (match.index > last) pattern.push({ type: 'text', value: text.slice(last, match.index) });
    pattern.push({ type: 'expression', arg: { type: 'variable-reference', name: match[1] } });
    names.push(match[1]);
    last = match.index + match[0].length;
  }
  if (last < text.length) pattern.push({ type: 'text', value: text.slice(last) });

  return { pattern, names };
}

function printPattern(pattern) {
  return pattern.map((part) => (part.type === 'text' ? part.value : `{${part.arg.name}}`)).join('');
}

function pathPattern(settings) {
  return settings[key]?.pathPattern ?? './messages/{locale}.json';
}

export default {
  key,

  toBeImportedFiles: ({ settings }) =>
    settings.locales.map((locale) => ({
      locale,
      path: pathPattern(settings).replace('{locale}', locale),
    })),

  importFiles: ({ files }) => {
    const declarations = new Map();
    const messages = [];
    const variants = [];
    for (const file of files) {
      const entries = JSON.parse(new TextDecoder().decode(file.content));
      for (const [bundleId, text] of Object.entries(entries)) {
        if (bundleId.startsWith('$') || typeof text !== 'string') continue;

        const { pattern, names } = parsePattern(text);
        const known = declarations.get(bundleId) ?? new Set();
        for (const name of names) known.add(name);
        declarations.set(bundleId, known);
        messages.push({ bundleId, locale: file.locale, selectors: [] });
        variants.push({
          messageBundleId: bundleId,
          messageLocale: file.locale,
          matches: [],
          pattern,
        });
      }
    }
    const bundles = [...declarations].map(([id, names]) => ({
      id,
      declarations: [...names].map((name) => ({ type: 'input-variable', name })),
    }));

    return { bundles, messages, variants };
  },

  exportFiles: ({ messages, variants, settings }) =>
    settings.locales.map((locale) => {
      const entries = {};
      for (const message of messages.filter((m) => m.locale === locale)) {
        const variant = variants.find((v) => v.messageId === message.id);
        if (variant) entries[message.bundleId] = printPattern(variant.pattern);
      }

      return {
        locale,
        name: `${locale}.json`,
        content: new TextEncoder().encode(`${JSON.stringify(entries, null, 2)}\n`),
      };
    }),
};
