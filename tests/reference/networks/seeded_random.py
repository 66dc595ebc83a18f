"""The service's SeededRandom (SplitMix64 with Box-Muller normals), reproduced bit for bit.

The C# generator lives in src/Domain/Randomness/SeededRandom.cs; keep the two in step.
"""

import math

MASK = (1 << 64) - 1


class SeededRandom:
    def __init__(self, seed: int):
        self.state = seed & MASK

    def next_uint64(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_double(self) -> float:
        return (self.next_uint64() >> 11) * (1.0 / (1 << 53))

    def next_uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.next_double()

    def next_normal(self) -> float:
        u1 = 1.0 - self.next_double()
        u2 = self.next_double()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def uniforms(self, count: int, low: float, high: float) -> list:
        return [self.next_uniform(low, high) for _ in range(count)]

    def normals(self, count: int) -> list:
        return [self.next_normal() for _ in range(count)]
