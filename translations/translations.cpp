// The translations library carries only resources; this unit gives the archive a member.
namespace TidemarkTranslations {
int embedded()
{
    return 1;
}
} // namespace TidemarkTranslations
