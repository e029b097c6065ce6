/** Repeats the missing-services notice after the results, where nobody can miss it. */
export default async function globalTeardown(): Promise<void> {
  const banner = process.env.CRM_TEST_MISSING_BANNER;
  if (banner) {
    process.stderr.write(`${banner}\n`);
  }
}
