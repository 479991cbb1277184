import { defaultRules, headsNamedBy } from '../../src/ruleset/default-rules';
import '../../src/ui/level-colors';
import '../../src/ui/options/options.css';
import { createTeachClient } from '../../src/teach/client';
import { startOptions } from './app';
import { downloadText } from '../../src/ui/download';

void startOptions(document.getElementById('app')!, {
  // The pack's learned heads, read from the extension's own files (as the background does).
  packHeads: () =>
    Promise.all(
      headsNamedBy(defaultRules).map((head) =>
        fetch(browser.runtime.getURL(`/models/${head}.json` as '/models/blame.json')).then((r) => r.json()),
      ),
    ),
  teachClient: createTeachClient,
  download: downloadText,
});
