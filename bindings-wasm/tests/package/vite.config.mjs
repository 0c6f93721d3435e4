// Builds the three test pages in page/ into dist/ (tests/package/run.sh).
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default {
  root: here('page'),
  logLevel: 'warn',
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        dashboard: here('page/dashboard.html'),
        api: here('page/api.html'),
        both: here('page/both.html'),
      },
    },
  },
};
