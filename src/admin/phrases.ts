/**
 * Decap's Japanese phrases with the few our editors read differently: a pattern error shows the schema's
 * own sentence (「電話番号は半角数字とハイフンで…」) instead of the regular expression, and a refused save
 * shows our message as it is.
 */
import { ja } from 'decap-cms-locales';

type Phrases = { [k: string]: string | Phrases };

const overrides: Phrases = {
  editor: {
    editorControlPane: { widget: { regexPattern: '%{fieldLabel}: %{pattern}' } },
    // Missing from Decap's Japanese phrases (English would show).
    editorWidgets: { list: { add: '%{item}を追加', addType: '%{item}を追加' } },
  },
  ui: { toast: { onFailToPersist: '%{details}' } },
};

const merge = (a: Phrases, b: Phrases): Phrases =>
  Object.fromEntries(
    [...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => {
      const x = a[k];
      const y = b[k];
      return [k, x && y && typeof x === 'object' && typeof y === 'object' ? merge(x, y) : (y ?? x)!];
    }),
  );

export const jaPhrases: Phrases = merge(ja as unknown as Phrases, overrides);
