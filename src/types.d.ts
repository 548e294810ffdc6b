declare module 'seedrandom/lib/alea.js' {
  interface AleaState {
    s0: number;
    s1: number;
    s2: number;
    c: number;
  }
  const alea: (seed?: string, opts?: { state?: boolean | AleaState }) => { (): number; double(): number; int32(): number; state(): AleaState };
  export default alea;
}
