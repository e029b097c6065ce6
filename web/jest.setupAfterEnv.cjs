// Testing Library's findBy*/waitFor give up after 1 s by default. Under load (the 2-core CI, or a
// shared machine running several suites) a mocked query plus the first render of a table can take
// longer, and the test then fails while the app is still loading. Waiting longer for the SAME state
// weakens nothing: a state that never comes still fails, just later.
const { configure } = require("@testing-library/react");

configure({ asyncUtilTimeout: 10_000 });
