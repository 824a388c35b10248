//! Tuning of the forces and of the cooling schedule.

/// How strongly each force pulls, and how fast the layout cools.
///
/// The defaults follow d3-force's (charge −30, θ 0.9, velocity decay 0.4,
/// alpha from 1 down to 0.001 in about 300 steps), plus gravity and
/// collision, which d3 leaves to the user.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// Barnes–Hut opening angle: a cell of width `w` at distance `d` counts as
    /// one body when `w / d < theta`. 0 is exact (quadratic); larger is
    /// faster and coarser.
    pub theta: f32,
    /// Repulsion between two unit charges at distance `d` is `repulsion / d`
    /// (d3's `forceManyBody().strength(-repulsion)`).
    pub repulsion: f32,
    /// Repulsion is capped below this distance, so coincident nodes do not
    /// fly apart.
    pub repulsion_min_distance: f32,
    /// Pull toward the origin, per unit of distance (d3's `forceX`/`forceY`
    /// strength); keeps disconnected parts in view.
    pub gravity: f32,
    /// How much of an overlap between two discs is undone per step (0..1).
    /// Not scaled by alpha, as in d3's `forceCollide`.
    pub collision: f32,
    /// Fraction of velocity lost per step (0..1).
    pub velocity_decay: f32,
    /// Alpha of a cold start (positions known to be poor).
    pub alpha_start: f32,
    /// Alpha of a start from meaningful positions: given initial positions,
    /// a warm start, showing or hiding nodes.
    pub alpha_warm: f32,
    /// Alpha added by a drag ([`Simulation::set_position`](super::Simulation::set_position)).
    pub alpha_nudge: f32,
    /// The layout is settled once alpha falls below this.
    pub alpha_min: f32,
    /// Alpha moves this fraction of the way to zero each step.
    pub alpha_decay: f32,
    /// The layout is also settled when no node moves faster than this
    /// (world units per step), after a few steps.
    pub settle_speed: f32,
    /// A node never moves further than this in one step (world units).
    pub max_speed: f32,
}

impl Default for LayoutParams {
    fn default() -> Self {
        LayoutParams {
            theta: 0.9,
            repulsion: 30.0,
            repulsion_min_distance: 1.0,
            gravity: 0.01,
            collision: 0.7,
            velocity_decay: 0.4,
            alpha_start: 1.0,
            alpha_warm: 0.3,
            alpha_nudge: 0.1,
            alpha_min: 0.001,
            // 1 - 0.001^(1/300): d3's 300 steps from 1 to alpha_min.
            alpha_decay: 0.022_763_974,
            settle_speed: 0.01,
            max_speed: 1000.0,
        }
    }
}
