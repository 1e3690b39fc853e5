import { describe, expect, it } from 'vitest';
import plugin from './json-messages-plugin.js';

const settings = { baseLocale: 'ja', locales: ['ja', 'en'] };

function file(locale: string, messages: Record<string, string>) {
  return { locale, content: new TextEncoder().encode(JSON.stringify(messages)) };
}

describe('the JSON message plugin', () => {
  it('finds one message file per locale', () => {
    expect(plugin.toBeImportedFiles({ settings })).toEqual([
      { locale: 'ja', path: './messages/ja.json' },
      { locale: 'en', path: './messages/en.json' },
    ]);
  });

  it('turns {name} placeholders into input variables and keeps the text around them', () => {
    const imported = plugin.importFiles({
      files: [
        file('ja', { $schema: 'ignored', greeting: '{name} 様、ようこそ' }),
        file('en', { greeting: 'Welcome, {name}' }),
      ],
      settings,
    });

    expect(imported.bundles).toEqual([
      { id: 'greeting', declarations: [{ type: 'input-variable', name: 'name' }] },
    ]);
    expect(imported.messages).toHaveLength(2);
    expect(imported.variants[1]?.pattern).toEqual([
      { type: 'text', value: 'Welcome, ' },
      { type: 'expression', arg: { type: 'variable-reference', name: 'name' } },
    ]);
  });

  it('writes the messages back in the same shape', () => {
    const imported = plugin.importFiles({ files: [file('en', { a: 'x {n} y' })], settings });
    const messages = imported.messages.map((message, index) => ({ ...message, id: `m${index}` }));
    const variants = imported.variants.map((variant) => ({ ...variant, messageId: 'm0' }));
    const [en] = plugin
      .exportFiles({ messages, variants, settings: { ...settings, locales: ['en'] } })
      .map((exported) => JSON.parse(new TextDecoder().decode(exported.content)));

    expect(en).toEqual({ a: 'x {n} y' });
  });
});
