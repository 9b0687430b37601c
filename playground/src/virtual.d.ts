/** The build's table of virtual files (build.mjs): path → text. */
declare module 'virtual:files' { const files: Record<string, string>; export default files; }
