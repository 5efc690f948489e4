namespace JuheSms
{
    /// <summary>How the client sends the template variables; the provider accepts either field (page: <c>vars</c> / <c>tpl_value</c>, "二选一").</summary>
    public enum VariableEncoding
    {
        /// <summary>
        /// The <c>vars</c> field: a JSON object string such as <c>{"name":"张三","code":"1234"}</c>, form-encoded once.
        /// The default: JSON needs no second encoding layer, so values holding <c>&amp;</c>, <c>=</c>, <c>%</c> or <c>+</c> travel unchanged.
        /// </summary>
        Vars = 0,

        /// <summary>
        /// The older <c>tpl_value</c> field: pairs <c>#name#=value</c> joined by <c>&amp;</c>. Each name and value is first
        /// UTF-8 percent-encoded on its own (every reserved character, space as <c>%20</c>, <c>+</c> as <c>%2B</c>), and the
        /// whole string is then form-encoded as the field value, as the provider's page asks.
        /// </summary>
        TplValue = 1,
    }
}
