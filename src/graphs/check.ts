/**
 * Argument checks shared by the generators. These guard programmer mistakes (the scenario layer
 * validates user input first), so they throw `RangeError`s whose message starts with the module.
 */

export function checkInt(module: string, name: string, v: number, min: number, max = Infinity): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    const range = max === Infinity ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`;
    throw new RangeError(`graphs/${module}: ${name} must be ${range}, got ${v}`);
  }
}

export function checkReal(module: string, name: string, v: number, min: number, max: number, maxOpen = false): void {
  if (!Number.isFinite(v) || v < min || v > max || (maxOpen && v === max)) {
    throw new RangeError(`graphs/${module}: ${name} must be in [${min}, ${max}${maxOpen ? ')' : ']'}, got ${v}`);
  }
}
