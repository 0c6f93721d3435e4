//! Reading tidy Explore Education Statistics (EES) CSV files, the DfE's
//! open-data format: one row per time period × geography × filter, with
//! indicator columns. No I/O: the caller passes the file's bytes.

use std::collections::BTreeMap;

use super::dataset::{AreaLevel, AreaSeries, Dataset};
use super::period::{Period, PeriodError, YearEnd};
use super::polarity::Polarity;
use super::target::Unit;
use super::value::{ObservedValue, Suppression};

/// What to take from an EES file, and what to call it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct EesQuery {
    /// The data set's id.
    pub id: String,
    /// What it measures.
    pub title: String,
    /// Where the file came from.
    pub source: String,
    /// The indicator column holding the values (`rate_per_10000`).
    pub value_column: String,
    /// Filter columns and the value each must have
    /// (`population_type` = `Children looked after on 31 March each year`).
    pub filters: Vec<(String, String)>,
    /// Which direction is better.
    pub polarity: Polarity,
    /// The unit of the values.
    pub unit: Unit,
}

impl EesQuery {
    /// A query for one indicator column, with no filters yet; `id` and
    /// `title` name the data set it makes, `source` says where the file came
    /// from.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{EesQuery, Polarity, Unit};
    ///
    /// let q = EesQuery::new("cla-rate", "CLA per 10,000", "DfE", "rate_per_10000")
    ///     .with_filter("population_type", "Children looked after on 31 March each year")
    ///     .with_polarity(Polarity::None)
    ///     .with_unit(Unit::Rate { per: 10_000 });
    /// assert_eq!(q.filters.len(), 1);
    /// ```
    pub fn new(id: &str, title: &str, source: &str, value_column: &str) -> EesQuery {
        EesQuery {
            id: id.to_string(),
            title: title.to_string(),
            source: source.to_string(),
            value_column: value_column.to_string(),
            filters: Vec::new(),
            polarity: Polarity::None,
            unit: Unit::Count,
        }
    }

    /// Keeps only rows where `column` is `value`.
    #[must_use]
    pub fn with_filter(mut self, column: &str, value: &str) -> EesQuery {
        self.filters.push((column.to_string(), value.to_string()));
        self
    }

    /// Sets which direction is better (default: neither).
    #[must_use]
    pub fn with_polarity(mut self, polarity: Polarity) -> EesQuery {
        self.polarity = polarity;
        self
    }

    /// Sets the unit of the values (default: a count).
    #[must_use]
    pub fn with_unit(mut self, unit: Unit) -> EesQuery {
        self.unit = unit;
        self
    }
}

/// Why an EES file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EesError {
    /// The CSV itself is malformed.
    #[error("EES file, line {line}: {message}")]
    Csv {
        /// The line (1 is the header).
        line: u64,
        /// What the CSV reader said.
        message: String,
    },
    /// A column the query or the format needs is missing.
    #[error("EES file has no column {column:?} (columns: {found})")]
    MissingColumn {
        /// The column looked for.
        column: String,
        /// The columns the file has.
        found: String,
    },
    /// A value cell is neither a number nor a suppression symbol.
    #[error("EES file, line {line}, column {column:?}: {text:?} is neither a number nor a suppression symbol")]
    BadValue {
        /// The line.
        line: u64,
        /// The column.
        column: String,
        /// The text.
        text: String,
    },
    /// A time period could not be read.
    #[error("EES file, line {line}: {source}")]
    BadPeriod {
        /// The line.
        line: u64,
        /// Why.
        source: PeriodError,
    },
    /// No row matched the filters.
    #[error("EES file has no rows where {filters}")]
    NoRows {
        /// The filters, written out.
        filters: String,
    },
}

fn column(headers: &csv::StringRecord, name: &str) -> Result<usize, EesError> {
    headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}').trim() == name)
        .ok_or_else(|| EesError::MissingColumn {
            column: name.to_string(),
            found: headers.iter().collect::<Vec<_>>().join(", "),
        })
}

/// Reads one indicator from an EES CSV file into a [`Dataset`], keeping
/// England, the regions and every local authority. Local authorities are
/// coded by their three-digit `old_la_code` (as LAIT and the statistical
/// neighbour tables are), regions by `region_code`, England by
/// `country_code`. `Reporting year` periods end on 31 March.
///
/// # Errors
///
/// [`EesError`] naming the line and column: malformed CSV, a missing
/// column, a value that is neither a number nor a suppression symbol, an
/// unreadable period, or no row matching the filters.
///
/// # Example
///
/// ```
/// use lineofsight::measure::{read_ees, EesQuery, ObservedValue, Polarity, Suppression, Unit};
///
/// let csv = "time_period,time_identifier,geographic_level,country_code,region_code,old_la_code,la_name,region_name,country_name,population_type,rate_per_10000\n\
///            2019,Reporting year,Local authority,E92000001,E12000002,888,Lancashire,North West,England,Children looked after on 31 March each year,85\n\
///            2019,Reporting year,Local authority,E92000001,E12000002,889,Blackburn with Darwen,North West,England,Children looked after on 31 March each year,c\n";
/// let q = EesQuery::new("cla-rate", "CLA per 10,000", "DfE", "rate_per_10000")
///     .with_filter("population_type", "Children looked after on 31 March each year")
///     .with_polarity(Polarity::None)
///     .with_unit(Unit::Rate { per: 10_000 });
/// let ds = read_ees(csv.as_bytes(), &q)?;
/// assert_eq!(ds.area("888").unwrap().values["2019"], ObservedValue::Number(85.0));
/// assert_eq!(ds.area("889").unwrap().values["2019"], ObservedValue::Suppressed(Suppression::Confidential));
/// # Ok::<(), lineofsight::measure::EesError>(())
/// ```
pub fn read_ees(bytes: &[u8], query: &EesQuery) -> Result<Dataset, EesError> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let csv_err = |e: csv::Error| EesError::Csv {
        line: e.position().map_or(0, csv::Position::line),
        message: e.to_string(),
    };
    let headers = reader.headers().map_err(csv_err)?.clone();
    let tp = column(&headers, "time_period")?;
    let ti = column(&headers, "time_identifier")?;
    let level = column(&headers, "geographic_level")?;
    let value = column(&headers, &query.value_column)?;
    let filters: Vec<(usize, &str)> = query
        .filters
        .iter()
        .map(|(c, v)| column(&headers, c).map(|i| (i, v.as_str())))
        .collect::<Result<_, _>>()?;
    let optional = |name: &str| column(&headers, name).ok();
    let (country_code, country_name) = (optional("country_code"), optional("country_name"));
    let (region_code, region_name) = (optional("region_code"), optional("region_name"));
    let (la_code, la_name) = (optional("old_la_code"), optional("la_name"));

    let mut areas: BTreeMap<String, AreaSeries> = BTreeMap::new();
    let mut record = csv::StringRecord::new();
    let mut matched = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_err(e)),
        }
        let line = record.position().map_or(0, csv::Position::line);
        if !filters
            .iter()
            .all(|(i, v)| record.get(*i).map(str::trim) == Some(*v))
        {
            continue;
        }
        let get = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let (lvl, code, name, region) = match record.get(level).unwrap_or("").trim() {
            "National" => (
                AreaLevel::National,
                get(country_code),
                get(country_name),
                None,
            ),
            "Regional" => (
                AreaLevel::Regional,
                get(region_code),
                get(region_name),
                None,
            ),
            "Local authority" => (
                AreaLevel::LocalAuthority,
                get(la_code),
                get(la_name),
                Some(get(region_code)),
            ),
            _ => continue,
        };
        matched += 1;
        let period = Period::from_ees(record.get(tp).unwrap_or(""), record.get(ti).unwrap_or(""))
            .map_err(|source| EesError::BadPeriod { line, source })?;
        let text = record.get(value).unwrap_or("");
        let v = ObservedValue::parse(text).map_err(|_| EesError::BadValue {
            line,
            column: query.value_column.clone(),
            text: text.to_string(),
        })?;
        let area = areas.entry(code.clone()).or_insert_with(|| AreaSeries {
            code,
            name,
            level: lvl,
            region: region.filter(|r| !r.is_empty()),
            values: BTreeMap::new(),
        });
        area.values.insert(period.label, v);
    }
    if matched == 0 {
        return Err(EesError::NoRows {
            filters: query
                .filters
                .iter()
                .map(|(c, v)| format!("{c} = {v:?}"))
                .collect::<Vec<_>>()
                .join(" and "),
        });
    }
    let mut areas: Vec<AreaSeries> = areas.into_values().collect();
    areas.sort_by_key(|a| {
        (
            a.level != AreaLevel::National,
            a.level != AreaLevel::Regional,
        )
    });
    Ok(Dataset {
        id: query.id.clone(),
        title: query.title.clone(),
        indicator: Some(query.value_column.clone()),
        source: query.source.clone(),
        licence: Some("Open Government Licence v3.0".to_string()),
        polarity: query.polarity,
        unit: query.unit,
        year_end: YearEnd::March,
        areas,
    })
}

/// A rate from two series: `numerator ÷ denominator × per`, area by area and
/// period by period. The denominator's period is the numerator's less
/// `lag_years` (mid-year population estimates lag a year behind the
/// reporting year they are used for). Suppressed counts stay suppressed; a
/// missing or zero denominator gives no value.
///
/// # Example
///
/// ```
/// use std::collections::BTreeMap;
/// use lineofsight::measure::{derive_rate, AreaLevel, AreaSeries, Dataset, ObservedValue, Polarity, Unit, YearEnd};
///
/// let one = |id: &str, label: &str, v: f64| Dataset {
///     id: id.into(), title: id.into(), indicator: None, source: "DfE".into(), licence: None,
///     polarity: Polarity::None, unit: Unit::Count, year_end: YearEnd::March,
///     areas: vec![AreaSeries { code: "888".into(), name: "Lancashire".into(), level: AreaLevel::LocalAuthority,
///         region: None, values: BTreeMap::from([(label.to_string(), ObservedValue::Number(v))]) }],
/// };
/// let rate = derive_rate("referral-rate", "Referrals per 10,000", &one("r", "2025", 7948.0), &one("p", "2024", 261392.0), 10_000, 1);
/// let v = rate.area("888").unwrap().values["2025"].number().unwrap();
/// assert!((v - 304.06).abs() < 0.01);
/// ```
pub fn derive_rate(
    id: &str,
    title: &str,
    numerator: &Dataset,
    denominator: &Dataset,
    per: u32,
    lag_years: i32,
) -> Dataset {
    use chrono::Datelike;
    let areas = numerator
        .areas
        .iter()
        .map(|num| {
            let den = denominator.area(&num.code);
            let den_series = den
                .map(|d| d.series(denominator.year_end).0)
                .unwrap_or_default();
            let (num_series, _) = num.series(numerator.year_end);
            let values = num_series
                .into_iter()
                .map(|s| {
                    let d = den_series
                        .iter()
                        .find(|d| {
                            d.period.end.year() == s.period.end.year() - lag_years
                                && d.period.kind == s.period.kind
                        })
                        .map(|d| d.value);
                    let v = match (s.value, d) {
                        (ObservedValue::Suppressed(x), _)
                        | (_, Some(ObservedValue::Suppressed(x))) => ObservedValue::Suppressed(x),
                        (ObservedValue::Number(n), Some(ObservedValue::Number(d))) if d != 0.0 => {
                            ObservedValue::Number(n / d * f64::from(per))
                        }
                        _ => ObservedValue::Suppressed(Suppression::Missing),
                    };
                    (s.period.label, v)
                })
                .collect();
            AreaSeries {
                values,
                ..num.clone()
            }
        })
        .collect();
    Dataset {
        id: id.to_string(),
        title: title.to_string(),
        indicator: None,
        source: format!("{} ÷ {} × {per}", numerator.source, denominator.source),
        licence: numerator.licence.clone(),
        polarity: numerator.polarity,
        unit: Unit::Rate { per },
        year_end: numerator.year_end,
        areas,
    }
}
