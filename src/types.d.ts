declare module 'seedrandom/lib/alea.js' {
  const alea: (seed?: string) => { (): number; double(): number; int32(): number };
  export default alea;
}
