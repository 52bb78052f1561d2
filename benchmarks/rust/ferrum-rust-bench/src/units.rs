// Copyright 2026 the Ferrum authors.
// SPDX-License-Identifier: Apache-2.0

//! The units comparison with the JMH `KinematicsBench` and `NBodyBench` workloads: uom 0.33 quantities
//! (the Rust typed-units project's design: dimensions in the type, `f64` storage) against raw `f64`, on the
//! same kernels, the same data (Java's `SplittableRandom` streams, reproduced bit for bit) and the same
//! floating-point operations in the same order, so raw and typed agree bit for bit with each other and
//! with the Java kernels. Time per step of all particles/bodies.
//!
//! Kinematics: 1024 projectiles with quadratic drag, one Euler step (dt = 1 ms). N-body: 64 bodies, 4096
//! softened pair interactions then Euler integration (dt = 10 s). State lives in SI `f64` arrays
//! (structure of arrays), is wrapped into quantities at the loop boundary, and is reset before each run,
//! as JMH resets it before each iteration.

use crate::harness::measure;
use std::hint::black_box;
use std::marker::PhantomData;
use std::time::Instant;
use uom::si::acceleration::meter_per_second_squared;
use uom::si::area::square_meter;
use uom::si::f64::{Acceleration, Area, Force, Length, Mass, MassDensity, MassRate, Ratio, Time, Velocity};
use uom::si::length::meter;
use uom::si::mass::kilogram;
use uom::si::mass_density::kilogram_per_cubic_meter;
use uom::si::time::second;
use uom::si::velocity::meter_per_second;
use uom::typenum::{N2, P3, Z0};

/// Java's `SplittableRandom(seed)`: SplitMix64 with the golden gamma; `nextDouble(origin, bound)` as in
/// `RandomSupport.boundedNextDouble`.
pub struct SplittableRandom {
    seed: u64,
}

impl SplittableRandom {
    const GOLDEN_GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

    pub fn new(seed: u64) -> Self {
        SplittableRandom { seed }
    }

    pub fn next_long(&mut self) -> u64 {
        self.seed = self.seed.wrapping_add(Self::GOLDEN_GAMMA);
        let mut z = self.seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn next_double(&mut self, origin: f64, bound: f64) -> f64 {
        let mut r = (self.next_long() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
        r = r * (bound - origin) + origin;
        if r >= bound {
            r = f64::from_bits(bound.to_bits() - 1); // Math.nextDown for a positive finite bound
        }
        r
    }
}

/// Air density at sea level, kg/m^3.
const RHO: f64 = 1.225;
/// Half the drag coefficient of a sphere (0.47), negated.
const MINUS_HALF_CD: f64 = -0.5 * 0.47;
/// Gravity along y, m/s^2.
const G: f64 = -9.80665;
/// Softening length squared, m^2.
const EPS2: f64 = 1e4;

/// `KinematicsBench`'s particles: `Particles(1024, 42)`.
#[derive(Clone)]
pub struct Particles {
    x: Vec<f64>,
    y: Vec<f64>,
    vx: Vec<f64>,
    vy: Vec<f64>,
    mass: Vec<f64>,
    area: Vec<f64>,
}

impl Particles {
    pub fn new(n: usize, seed: u64) -> Self {
        let mut r = SplittableRandom::new(seed);
        let mut p = Particles {
            x: Vec::with_capacity(n),
            y: Vec::with_capacity(n),
            vx: Vec::with_capacity(n),
            vy: Vec::with_capacity(n),
            mass: Vec::with_capacity(n),
            area: Vec::with_capacity(n),
        };
        for _ in 0..n {
            p.x.push(r.next_double(0.0, 100.0));
            p.y.push(r.next_double(0.0, 1000.0));
            p.vx.push(r.next_double(-50.0, 50.0));
            p.vy.push(r.next_double(-50.0, 50.0));
            p.mass.push(r.next_double(0.05, 5.0));
            let radius = r.next_double(0.01, 0.2);
            p.area.push(std::f64::consts::PI * radius * radius);
        }
        p
    }
}

/// `KinematicsKernels.raw`.
pub fn kinematics_raw(p: &mut Particles, dt: f64) {
    let n = p.x.len();
    let (x, y, vx, vy) = (&mut p.x[..n], &mut p.y[..n], &mut p.vx[..n], &mut p.vy[..n]);
    let (mass, area) = (&p.mass[..n], &p.area[..n]);
    for i in 0..n {
        let vxi = vx[i];
        let vyi = vy[i];
        let speed = (vxi * vxi + vyi * vyi).sqrt();
        let mass_flow = area[i] * speed * RHO;
        let fx = mass_flow * vxi * MINUS_HALF_CD;
        let fy = mass_flow * vyi * MINUS_HALF_CD;
        let m = mass[i];
        let ax = fx / m;
        let ay = fy / m + G;
        let nvx = vxi + ax * dt;
        let nvy = vyi + ay * dt;
        vx[i] = nvx;
        vy[i] = nvy;
        x[i] += nvx * dt;
        y[i] += nvy * dt;
    }
}

/// `KinematicsKernels.typed` with uom: storage stays SI `f64`, every intermediate is a typed quantity.
pub fn kinematics_uom(p: &mut Particles, dt: Time) {
    let air = MassDensity::new::<kilogram_per_cubic_meter>(RHO);
    let gravity = Acceleration::new::<meter_per_second_squared>(G);
    let n = p.x.len();
    let (x, y, vx, vy) = (&mut p.x[..n], &mut p.y[..n], &mut p.vx[..n], &mut p.vy[..n]);
    let (mass, area) = (&p.mass[..n], &p.area[..n]);
    for i in 0..n {
        let vxi = Velocity::new::<meter_per_second>(vx[i]);
        let vyi = Velocity::new::<meter_per_second>(vy[i]);
        let speed: Velocity = (vxi * vxi + vyi * vyi).sqrt();
        let mass_flow: MassRate = Area::new::<square_meter>(area[i]) * speed * air;
        let fx: Force = mass_flow * vxi * MINUS_HALF_CD;
        let fy: Force = mass_flow * vyi * MINUS_HALF_CD;
        let m = Mass::new::<kilogram>(mass[i]);
        let ax: Acceleration = fx / m;
        let ay: Acceleration = fy / m + gravity;
        let nvx: Velocity = vxi + ax * dt;
        let nvy: Velocity = vyi + ay * dt;
        vx[i] = nvx.get::<meter_per_second>();
        vy[i] = nvy.get::<meter_per_second>();
        x[i] = (Length::new::<meter>(x[i]) + nvx * dt).get::<meter>();
        y[i] = (Length::new::<meter>(y[i]) + nvy * dt).get::<meter>();
    }
}

/// `NBodyBench`'s bodies: `Bodies(64, 7)`.
#[derive(Clone)]
pub struct Bodies {
    x: Vec<f64>,
    y: Vec<f64>,
    z: Vec<f64>,
    vx: Vec<f64>,
    vy: Vec<f64>,
    vz: Vec<f64>,
    mu: Vec<f64>,
    ax: Vec<f64>,
    ay: Vec<f64>,
    az: Vec<f64>,
}

impl Bodies {
    pub fn new(n: usize, seed: u64) -> Self {
        let mut r = SplittableRandom::new(seed);
        let mut b = Bodies {
            x: vec![],
            y: vec![],
            z: vec![],
            vx: vec![],
            vy: vec![],
            vz: vec![],
            mu: vec![],
            ax: vec![0.0; n],
            ay: vec![0.0; n],
            az: vec![0.0; n],
        };
        for _ in 0..n {
            b.x.push(r.next_double(-1e7, 1e7));
            b.y.push(r.next_double(-1e7, 1e7));
            b.z.push(r.next_double(-1e6, 1e6));
            b.vx.push(r.next_double(-1e3, 1e3));
            b.vy.push(r.next_double(-1e3, 1e3));
            b.vz.push(r.next_double(-1e2, 1e2));
            b.mu.push(r.next_double(1e10, 4e14));
        }
        b
    }
}

/// `NBodyKernels.raw`.
pub fn nbody_raw(b: &mut Bodies, dt: f64) {
    let n = b.x.len();
    let (x, y, z, mu) = (&b.x[..n], &b.y[..n], &b.z[..n], &b.mu[..n]);
    for i in 0..n {
        let (xi, yi, zi) = (x[i], y[i], z[i]);
        let (mut ax, mut ay, mut az) = (0.0, 0.0, 0.0);
        for j in 0..n {
            let dx = x[j] - xi;
            let dy = y[j] - yi;
            let dz = z[j] - zi;
            let r2 = dx * dx + dy * dy + dz * dz + EPS2;
            let r = r2.sqrt();
            let s = mu[j] / r2;
            ax += s * (dx / r);
            ay += s * (dy / r);
            az += s * (dz / r);
        }
        b.ax[i] = ax;
        b.ay[i] = ay;
        b.az[i] = az;
    }
    for i in 0..n {
        let vx = b.vx[i] + b.ax[i] * dt;
        let vy = b.vy[i] + b.ay[i] * dt;
        let vz = b.vz[i] + b.az[i] * dt;
        b.vx[i] = vx;
        b.vy[i] = vy;
        b.vz[i] = vz;
        b.x[i] += vx * dt;
        b.y[i] += vy * dt;
        b.z[i] += vz * dt;
    }
}

/// Standard gravitational parameter (m^3/s^2): uom has no named quantity for it, so the type is spelled out.
type GravitationalParameter = uom::si::Quantity<uom::si::ISQ<P3, Z0, N2, Z0, Z0, Z0, Z0>, uom::si::SI<f64>, f64>;

fn gravitational_parameter(si: f64) -> GravitationalParameter {
    uom::si::Quantity { dimension: PhantomData, units: PhantomData, value: si }
}

/// `NBodyKernels.typedSum` with uom: typed pair loop with `+=` accumulators, then typed integration.
pub fn nbody_uom(b: &mut Bodies, dt: Time) {
    let softening = Area::new::<square_meter>(EPS2);
    let n = b.x.len();
    let (x, y, z, mu) = (&b.x[..n], &b.y[..n], &b.z[..n], &b.mu[..n]);
    for i in 0..n {
        let xi = Length::new::<meter>(x[i]);
        let yi = Length::new::<meter>(y[i]);
        let zi = Length::new::<meter>(z[i]);
        let mut ax = Acceleration::new::<meter_per_second_squared>(0.0);
        let mut ay = Acceleration::new::<meter_per_second_squared>(0.0);
        let mut az = Acceleration::new::<meter_per_second_squared>(0.0);
        for j in 0..n {
            let dx: Length = Length::new::<meter>(x[j]) - xi;
            let dy: Length = Length::new::<meter>(y[j]) - yi;
            let dz: Length = Length::new::<meter>(z[j]) - zi;
            let r2: Area = dx * dx + dy * dy + dz * dz + softening;
            let r: Length = r2.sqrt();
            let s: Acceleration = gravitational_parameter(mu[j]) / r2;
            let ux: Ratio = dx / r;
            let uy: Ratio = dy / r;
            let uz: Ratio = dz / r;
            ax += s * ux;
            ay += s * uy;
            az += s * uz;
        }
        b.ax[i] = ax.get::<meter_per_second_squared>();
        b.ay[i] = ay.get::<meter_per_second_squared>();
        b.az[i] = az.get::<meter_per_second_squared>();
    }
    for i in 0..n {
        let vx: Velocity = Velocity::new::<meter_per_second>(b.vx[i])
            + Acceleration::new::<meter_per_second_squared>(b.ax[i]) * dt;
        let vy: Velocity = Velocity::new::<meter_per_second>(b.vy[i])
            + Acceleration::new::<meter_per_second_squared>(b.ay[i]) * dt;
        let vz: Velocity = Velocity::new::<meter_per_second>(b.vz[i])
            + Acceleration::new::<meter_per_second_squared>(b.az[i]) * dt;
        b.vx[i] = vx.get::<meter_per_second>();
        b.vy[i] = vy.get::<meter_per_second>();
        b.vz[i] = vz.get::<meter_per_second>();
        b.x[i] = (Length::new::<meter>(b.x[i]) + vx * dt).get::<meter>();
        b.y[i] = (Length::new::<meter>(b.y[i]) + vy * dt).get::<meter>();
        b.z[i] = (Length::new::<meter>(b.z[i]) + vz * dt).get::<meter>();
    }
}

/// Sum of the bit patterns of the positions (x and y), a checksum Java computes the same way.
fn checksum(xs: &[&[f64]]) -> u64 {
    xs.iter().flat_map(|v| v.iter()).fold(0u64, |s, v| s.wrapping_add(v.to_bits()))
}

/// Prints `{"id":"units.check", ...}`: position checksums after `steps` steps of each kernel from the initial
/// state; raw and uom must agree with each other, and the Java side checks them against its own kernels.
pub fn check(steps: usize) {
    let init = Particles::new(1024, 42);
    let (mut raw, mut typed) = (init.clone(), init);
    let dt = Time::new::<second>(1e-3);
    for _ in 0..steps {
        kinematics_raw(&mut raw, 1e-3);
        kinematics_uom(&mut typed, dt);
    }
    let k_raw = checksum(&[&raw.x, &raw.y]);
    let k_uom = checksum(&[&typed.x, &typed.y]);
    let init = Bodies::new(64, 7);
    let (mut raw, mut typed) = (init.clone(), init);
    let dt = Time::new::<second>(10.0);
    for _ in 0..steps {
        nbody_raw(&mut raw, 10.0);
        nbody_uom(&mut typed, dt);
    }
    let n_raw = checksum(&[&raw.x, &raw.y, &raw.z]);
    let n_uom = checksum(&[&typed.x, &typed.y, &typed.z]);
    println!(
        "{{\"id\":\"units.check\",\"steps\":{steps},\"kinematics_raw\":\"{k_raw}\",\"kinematics_uom\":\"{k_uom}\",\"nbody_raw\":\"{n_raw}\",\"nbody_uom\":\"{n_uom}\"}}"
    );
}

/// Times `steps` steps from a fresh copy of the initial state; ns per step.
fn per_step<S: Clone>(init: &S, steps: usize, mut step: impl FnMut(&mut S)) -> f64 {
    let mut s = init.clone();
    let t = Instant::now();
    for _ in 0..steps {
        step(black_box(&mut s));
    }
    let ns = t.elapsed().as_nanos() as f64 / steps as f64;
    black_box(&s);
    ns
}

pub fn run(quick: bool) {
    let (warmup, runs) = if quick { (2, 7) } else { (5, 15) };
    let (k_steps, n_steps) = if quick { (20_000, 2_000) } else { (100_000, 10_000) };
    check(10);

    let particles = Particles::new(1024, 42);
    measure("units.kinematics.f64", "ns/op", warmup, runs, || {
        per_step(&particles, k_steps, |p| kinematics_raw(p, black_box(1e-3)))
    });
    let dt = Time::new::<second>(1e-3);
    measure("units.kinematics.uom", "ns/op", warmup, runs, || {
        per_step(&particles, k_steps, |p| kinematics_uom(p, black_box(dt)))
    });

    let bodies = Bodies::new(64, 7);
    measure("units.nbody.f64", "ns/op", warmup, runs, || {
        per_step(&bodies, n_steps, |b| nbody_raw(b, black_box(10.0)))
    });
    let dt = Time::new::<second>(10.0);
    measure("units.nbody.uom", "ns/op", warmup, runs, || {
        per_step(&bodies, n_steps, |b| nbody_uom(b, black_box(dt)))
    });
}
