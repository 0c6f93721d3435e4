//! Plans built into the crate.

use crate::error::LoadError;
#[cfg(feature = "builtin-plans")]
use crate::plan::Plan;

#[cfg(feature = "builtin-plans")]
const LANCASHIRE: &str = include_str!("../data/lancashire.json");
#[cfg(feature = "builtin-plans")]
const LANCASHIRE_CLA_2014_17: &str = include_str!("../data/lancashire-cla-2014-17.json");
#[cfg(feature = "builtin-plans")]
const LANCASHIRE_CIP_2017: &str = include_str!("../data/lancashire-cip-2017.json");
#[cfg(feature = "builtin-plans")]
const LANCASHIRE_CPS_2018_20: &str = include_str!("../data/lancashire-cps-2018-20.json");

/// The names of the built-in plans: `lancashire`, the combined set, then
/// each of its plans on its own, oldest first.
pub const BUILTIN_PLANS: [&str; 4] = [
    "lancashire",
    "lancashire-cla-2014-17",
    "lancashire-cip-2017",
    "lancashire-cps-2018-20",
];

/// The built-in plans that are plans of their own (each with its period),
/// oldest first: [`BUILTIN_PLANS`] without the combined set.
///
/// # Example
///
/// ```
/// for name in lineofsight::BUILTIN_SEPARATE_PLANS {
///     let plan = lineofsight::builtin(name)?;
///     assert!(plan.dates.is_some(), "{name} has its dates");
/// }
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub const BUILTIN_SEPARATE_PLANS: [&str; 3] = [
    "lancashire-cla-2014-17",
    "lancashire-cip-2017",
    "lancashire-cps-2018-20",
];

/// Loads a built-in plan by name through the public JSON loader (with the
/// `builtin-plans` feature, on by default; without it each plan is the file
/// `data/<name>.json`, and [`builtin_name`] still checks a name).
///
/// `lancashire` is the combined set (kept as it always was, with no dates of
/// its own): Lancashire County Council's published corporate
/// parenting material (public documents): the 2019 Corporate Parenting
/// Strategy delivery plan's 9 objectives with their actions and target dates,
/// the board's Summary of Open Actions (102 rated rows), the 4 corporate
/// parenting priorities of the later strategy, the Children Looked After
/// Strategic Action Plan 2014–17 with its leads, and the 2017 Continuous
/// Improvement Plan's outcomes, activities, leads and measures of success.
/// Every part names its source document.
///
/// The same material as separate plans, each with its own
/// [`dates`](Plan::dates) (see `tools/seeds/README.md` for where they came
/// from):
///
/// - `lancashire-cla-2014-17`: the Children Looked After Strategic Action
///   Plan 2014–17 (seed 001), 1 April 2014 to 31 March 2017;
/// - `lancashire-cip-2017`: the Continuous Improvement Plan of September
///   2017 (seed 004) with its measures' published data, 1 September 2017 to
///   31 March 2019;
/// - `lancashire-cps-2018-20`: the Corporate Parenting Strategy delivery
///   plan (seed 000) with the board's Summary of Open Actions on it (seed
///   002) and the strategy's priorities (seed 003), 1 November 2018 to
///   30 September 2020.
///
/// Names are matched ignoring case and surrounding space.
///
/// # Errors
///
/// Returns [`LoadError::UnknownBuiltin`] for an unknown name.
///
/// # Example
///
/// ```
/// let plan = lineofsight::builtin("lancashire")?;
/// assert_eq!(plan.organisation, "Lancashire County Council");
/// assert!(lineofsight::builtin("atlantis").is_err());
/// let cla = lineofsight::builtin("lancashire-cla-2014-17")?;
/// assert_eq!(cla.dates.map(|d| d.end.to_string()).as_deref(), Some("2017-03-31"));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[cfg(feature = "builtin-plans")]
pub fn builtin(name: &str) -> Result<Plan, LoadError> {
    match builtin_name(name)? {
        "lancashire-cla-2014-17" => Plan::from_json(LANCASHIRE_CLA_2014_17),
        "lancashire-cip-2017" => Plan::from_json(LANCASHIRE_CIP_2017),
        "lancashire-cps-2018-20" => Plan::from_json(LANCASHIRE_CPS_2018_20),
        _ => Plan::from_json(LANCASHIRE),
    }
}

/// The built-in plan a name stands for, as spelt in [`BUILTIN_PLANS`]
/// (case and surrounding spaces do not matter), whether or not this build
/// embeds the plans: each is also the file `data/<name>.json`, which is how
/// the WebAssembly package ships them.
///
/// # Errors
///
/// Returns [`LoadError::UnknownBuiltin`] for an unknown name, as
/// [`builtin`] does.
///
/// # Example
///
/// ```
/// assert_eq!(lineofsight::builtin_name(" Lancashire ")?, "lancashire");
/// assert!(lineofsight::builtin_name("atlantis").is_err());
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn builtin_name(name: &str) -> Result<&'static str, LoadError> {
    let key = name.trim().to_ascii_lowercase();
    BUILTIN_PLANS
        .into_iter()
        .find(|known| *known == key)
        .ok_or_else(|| LoadError::UnknownBuiltin {
            name: name.to_string(),
            known: BUILTIN_PLANS.join(", "),
        })
}

#[cfg(feature = "builtin-plans")]
impl Plan {
    /// Loads a built-in plan by name; see [`builtin`].
    ///
    /// # Errors
    ///
    /// Returns [`LoadError::UnknownBuiltin`] for an unknown name.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::Plan;
    ///
    /// let plan = Plan::builtin("lancashire")?;
    /// assert_eq!(plan.sources.len(), 5);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn builtin(name: &str) -> Result<Plan, LoadError> {
        builtin(name)
    }
}
