//! Settings: coding policy, categories shown, theme.

use super::reader::category_label;
use super::state::{Settings, Theme};
use crate::report::model::Category;
use crate::Policy;
use yew::prelude::*;

/// Props of [`SettingsPanel`].
#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    /// Current settings.
    pub settings: Settings,
    /// A coding policy was chosen.
    pub on_policy: Callback<Policy>,
    /// A theme was chosen.
    pub on_theme: Callback<Theme>,
    /// A category was shown or hidden.
    pub on_toggle: Callback<Category>,
}

/// The settings panel.
#[function_component(SettingsPanel)]
pub fn settings_panel(props: &SettingsProps) -> Html {
    let s = &props.settings;
    let policy = |p: Policy, label: &str, help: &str| {
        html! {
            <label class="choice">
                <input type="radio" name="policy" checked={s.policy == p}
                    onchange={props.on_policy.reform(move |_: Event| p)} />
                <span><strong>{ label }</strong><br /><span class="hint">{ help }</span></span>
            </label>
        }
    };
    let theme = |t: Theme, label: &str| {
        html! {
            <label class="choice inline">
                <input type="radio" name="theme" checked={s.theme == t}
                    onchange={props.on_theme.reform(move |_: Event| t)} />
                { label }
            </label>
        }
    };
    html! {
        <div class="settings">
            <h2>{ "Settings" }</h2>
            <fieldset>
                <legend>{ "Coding policy" }</legend>
                { policy(Policy::Literal, "Literal (the guidelines)",
                    "Bounds as the words say: “dozens” is 24 to 99, “more than 200” is at least 201.") }
                { policy(Policy::AcledConservative, "ACLED-conservative",
                    "Vague words take a fixed low count: several = 3, dozens = 12, hundreds = 100, thousands = 1,000.") }
            </fieldset>
            <fieldset>
                <legend>{ "Categories shown" }</legend>
                { for Category::ALL.into_iter().map(|c| {
                    html! {
                        <label class="choice inline">
                            <input type="checkbox" checked={!s.hidden.contains(&c)}
                                onchange={props.on_toggle.reform(move |_: Event| c)} />
                            <span class={classes!("swatch", format!("cat-{}", c.as_str()))} aria-hidden="true" />
                            { category_label(c) }
                        </label>
                    }
                }) }
            </fieldset>
            <fieldset>
                <legend>{ "Theme" }</legend>
                { theme(Theme::System, "System") }
                { theme(Theme::Light, "Light") }
                { theme(Theme::Dark, "Dark") }
            </fieldset>
        </div>
    }
}
