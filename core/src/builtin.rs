//! Plans built into the crate.

use crate::error::LoadError;
use crate::plan::Plan;

const LANCASHIRE: &str = include_str!("../data/lancashire.json");

/// The names of the built-in plans.
pub const BUILTIN_PLANS: [&str; 1] = ["lancashire"];

/// Loads a built-in plan by name through the public JSON loader.
///
/// `lancashire` is Lancashire County Council's published corporate
/// parenting material (public documents): the 2019 Corporate Parenting
/// Strategy delivery plan's 9 objectives with their actions and target dates,
/// the board's Summary of Open Actions (102 rated rows), the 4 corporate
/// parenting priorities of the later strategy, the Children Looked After
/// Strategic Action Plan 2014–17 with its leads, and the 2017 Continuous
/// Improvement Plan's outcomes, activities, leads and measures of success.
/// Every part names its source document.
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
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn builtin(name: &str) -> Result<Plan, LoadError> {
    match name.trim().to_ascii_lowercase().as_str() {
        "lancashire" => Plan::from_json(LANCASHIRE),
        _ => Err(LoadError::UnknownBuiltin {
            name: name.to_string(),
            known: BUILTIN_PLANS.join(", "),
        }),
    }
}

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
